#!/usr/bin/env bash
# A single-node Slurm cluster on this machine (Debian's slurm-wlm and munge): slurmctld and slurmd on
# localhost, one partition with every CPU, for trying sweeps as Slurm job arrays (npm run test:slurm).
#
#   scripts/slurm-local.sh          install what is missing, write the configuration, start the daemons
#   scripts/slurm-local.sh status   show the daemons and the node
#   scripts/slurm-local.sh stop     stop the daemons this script started (by their pid files)
#
# Idempotent: a second run leaves running daemons alone, unless the configuration it writes changed (then
# they are restarted). It owns /etc/slurm/slurm.conf: meant for a test machine, not one with a Slurm of its
# own. Needs root (apt-get, /etc/slurm, the daemons). Works without systemd (containers): the daemons are
# started directly.
set -euo pipefail

CONF=/etc/slurm/slurm.conf
CTLD_PID=/run/slurmctld.pid
SLURMD_PID=/run/slurmd.pid
MUNGE_PID=/run/munge/munged.pid
NODE=$(hostname -s)

log() { printf 'slurm-local: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

# Whether the process in pid file $1 is alive.
running() { [[ -s $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

stop_daemon() {
  local name=$1 pidfile=$2
  if running "$pidfile"; then
    log "stopping $name (pid $(cat "$pidfile"))"
    kill "$(cat "$pidfile")"
    for _ in $(seq 50); do running "$pidfile" || return 0; sleep 0.2; done
    die "$name did not stop"
  fi
}

install_packages() {
  local missing=()
  command -v munged >/dev/null || missing+=(munge)
  command -v slurmctld >/dev/null || missing+=(slurmctld)
  command -v slurmd >/dev/null || missing+=(slurmd)
  command -v sbatch >/dev/null || missing+=(slurm-client)
  ((${#missing[@]} == 0)) && return 0
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# slurm.conf for this host: its name, CPUs, sockets, cores and memory as slurmd itself detects them.
write_config() {
  local hardware
  hardware=$(slurmd -C | head -n 1) # NodeName=… CPUs=… Boards=… SocketsPerBoard=… CoresPerSocket=… ThreadsPerCore=… RealMemory=…
  [[ $hardware == NodeName=* ]] || die "slurmd -C did not describe this node: $hardware"
  mkdir -p /etc/slurm /var/lib/slurm/slurmctld /var/lib/slurm/slurmd /var/log/slurm
  chown slurm:slurm /var/lib/slurm/slurmctld /var/log/slurm
  local wanted
  wanted=$(cat <<EOF
# Written by rposim's scripts/slurm-local.sh: a one-node cluster on $NODE.
ClusterName=rposim-local
SlurmctldHost=$NODE
SlurmUser=slurm
AuthType=auth/munge
StateSaveLocation=/var/lib/slurm/slurmctld
SlurmdSpoolDir=/var/lib/slurm/slurmd
SlurmctldPidFile=$CTLD_PID
SlurmdPidFile=$SLURMD_PID
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
# No cgroups (containers often have none): track processes by their parent, no task confinement.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
# Hand out cores, not whole nodes, so the tasks of an array run side by side.
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
# A node that was down (the daemons restarted) comes back by itself once slurmd registers.
ReturnToService=2
MinJobAge=300
$hardware State=UNKNOWN
PartitionName=local Nodes=$NODE Default=YES MaxTime=INFINITE State=UP
EOF
)
  if [[ -f $CONF ]] && [[ $(cat "$CONF") == "$wanted" ]]; then
    return 1 # unchanged
  fi
  log "writing $CONF ($hardware)"
  printf '%s\n' "$wanted" >"$CONF"
  return 0
}

start_munge() {
  running "$MUNGE_PID" && return 0
  [[ -s /etc/munge/munge.key ]] || { log 'creating /etc/munge/munge.key'; mungekey --create --keyfile=/etc/munge/munge.key; }
  chown munge:munge /etc/munge/munge.key
  chmod 600 /etc/munge/munge.key
  mkdir -p /run/munge /var/log/munge /var/lib/munge
  chown munge:munge /run/munge /var/log/munge /var/lib/munge
  log 'starting munged'
  runuser -u munge -- /usr/sbin/munged
  for _ in $(seq 50); do munge -n >/dev/null 2>&1 && return 0; sleep 0.2; done
  die 'munged does not answer (see /var/log/munge/munged.log)'
}

start_slurm() {
  if ! running "$CTLD_PID"; then
    log 'starting slurmctld'
    /usr/sbin/slurmctld
  fi
  for _ in $(seq 100); do scontrol ping 2>/dev/null | grep -q 'is UP' && break; sleep 0.2; done
  scontrol ping | grep -q 'is UP' || die 'slurmctld does not answer (see /var/log/slurm/slurmctld.log)'
  if ! running "$SLURMD_PID"; then
    log 'starting slurmd'
    /usr/sbin/slurmd
  fi
  local state=''
  for _ in $(seq 150); do
    state=$(sinfo --noheader --nodes="$NODE" --format=%T 2>/dev/null || true)
    [[ $state == idle* || $state == mixed* || $state == allocated* ]] && break
    sleep 0.2
  done
  if [[ $state == down* || $state == drain* ]]; then
    log "node $NODE is $state: resuming it"
    scontrol update NodeName="$NODE" State=RESUME
  fi
  [[ $state == idle* || $state == mixed* || $state == allocated* ]] || state=$(sinfo --noheader --nodes="$NODE" --format=%T)
  [[ $state == idle* || $state == mixed* || $state == allocated* ]] || die "node $NODE is $state (see /var/log/slurm/slurmd.log)"
}

case ${1:-start} in
  start)
    [[ $(id -u) == 0 ]] || die 'run as root (apt-get, /etc/slurm and the daemons need it)'
    install_packages
    if write_config; then
      # A changed configuration: restart what runs, so the daemons read it.
      stop_daemon slurmd "$SLURMD_PID"
      stop_daemon slurmctld "$CTLD_PID"
    fi
    start_munge
    start_slurm
    sinfo
    ;;
  status)
    for d in munged:$MUNGE_PID slurmctld:$CTLD_PID slurmd:$SLURMD_PID; do
      if running "${d#*:}"; then echo "${d%%:*}: running (pid $(cat "${d#*:}"))"; else echo "${d%%:*}: stopped"; fi
    done
    command -v sinfo >/dev/null && sinfo || true
    ;;
  stop)
    stop_daemon slurmd "$SLURMD_PID"
    stop_daemon slurmctld "$CTLD_PID"
    stop_daemon munged "$MUNGE_PID"
    ;;
  *)
    die "usage: $0 [start|status|stop]"
    ;;
esac
