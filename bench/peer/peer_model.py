#!/usr/bin/env python3
"""The model an engineer would write instead of rposim: plain Python 3 on heapq, no third-party packages.

VMs write at an hourly rate (a daily profile). Each uplink is shared max-min fairly: a VM with data waiting
takes what it can get, one without asks for its write rate. Every 5 minutes each VM places a crash-consistent
tag at the end of its stream; the tag is usable one processing delay after the upload passes it. RPO = age of
the newest usable tag; its time-weighted mean, max and the fraction of time within the threshold are exact,
from the warm-up to the horizon. No process-server limit, no outages, no initial replication.

Usage: peer_model.py < workload.json > result.json (the workload's fields are read in main()).
"""
import heapq
import json
import sys
import time
from collections import deque

INF = float("inf")


def water_fill(demands, capacity):
    """Max-min fair shares: each gets min(demand, level), the level as high as the capacity allows."""
    order = sorted(range(len(demands)), key=demands.__getitem__)
    shares = [0.0] * len(demands)
    left = capacity
    for k, i in enumerate(order):
        level = left / (len(order) - k)
        if demands[i] > level:
            for j in order[k:]:
                shares[j] = level
            break
        shares[i] = demands[i]
        left -= demands[i]
    return shares


class Rpo:
    """Exact statistics of the RPO sawtooth (slope 1, drops when a newer tag becomes usable) over [start, end]."""

    def __init__(self, start, end, threshold):
        self.start, self.end, self.threshold = start, end, threshold
        self.source = None  # tag time of the newest usable tag
        self.since = 0.0  # when it became usable
        self.area = self.total = self.above = 0.0
        self.max = 0.0

    def usable(self, at, source):
        self.close(at)
        self.source, self.since = source, at

    def close(self, at):
        if self.source is None:
            return
        a, b = max(self.since, self.start), min(at, self.end)
        if b > a:
            self.total += b - a
            self.area += (b - a) * ((a - self.source) + (b - self.source)) / 2
            self.max = max(self.max, b - self.source)
            self.above += max(0.0, b - max(a, self.source + self.threshold))


class Vm:
    def __init__(self, rates, rpo):
        self.rates, self.rpo = rates, rpo
        self.t = self.written = self.uploaded = self.churn = self.upload = self.max_upload = 0.0
        self.tags = deque()  # (tag time, stream position) not yet uploaded

    def backlog(self):
        return self.written - self.uploaded

    def advance(self, t, delay):
        """Moves the stream to t at the current rates; tags the upload passed become usable `delay` later."""
        dt = t - self.t
        if dt <= 0:
            return
        before = self.uploaded
        self.written += self.churn * dt
        self.uploaded = min(self.written, before + self.upload * dt)
        if self.written - self.uploaded <= 1e-3 + 1e-12 * self.written:  # rounding: the queue is empty
            self.uploaded = self.written
        while self.tags and self.tags[0][1] <= self.uploaded:
            tag_time, position = self.tags.popleft()
            crossed = self.t + (position - before) / self.upload if position > before and self.upload > 0 else self.t
            self.rpo.usable(max(crossed, tag_time) + delay, tag_time)
        self.t = t


def simulate(w):
    horizon, delay, interval = w["horizonSec"], w["processingDelaySec"], w["tagIntervalSec"]
    vms = [Vm(rates, Rpo(w["warmupSec"], horizon, w["rpoThresholdSec"])) for rates in w["hourlyRates"]]
    links = [(link["bandwidthBytesPerSec"], [vms[i] for i in link["vms"]]) for link in w["uplinks"]]
    version = [0] * len(links)
    queue, seq, events = [], 0, 0

    def push(t, priority, kind, arg):
        nonlocal seq
        seq += 1
        heapq.heappush(queue, (t, priority, seq, kind, arg))

    def share(k, t):
        """Re-shares uplink k at t; schedules the instant its next backlog empties."""
        bandwidth, members = links[k]
        for vm in members:
            vm.advance(t, delay)
        demands = [INF if vm.backlog() > 0 else vm.churn for vm in members]
        for vm, rate in zip(members, water_fill(demands, bandwidth)):
            vm.upload, vm.max_upload = rate, max(vm.max_upload, rate)
        drains = [vm.backlog() / (vm.upload - vm.churn) for vm in members if vm.backlog() > 0 and vm.upload > vm.churn]
        version[k] += 1
        if drains:
            push(t + min(drains), 2, "drain", (k, version[k]))

    push(0.0, 0, "hour", 0)
    push(interval, 1, "tag", 1)
    while queue:
        t, _, _, kind, arg = heapq.heappop(queue)
        events += 1
        if kind == "hour":
            for vm in vms:
                vm.advance(t, delay)
                vm.churn = vm.rates[arg % 24]
            for k in range(len(links)):
                share(k, t)
            if (arg + 1) * 3600.0 < horizon:
                push((arg + 1) * 3600.0, 0, "hour", arg + 1)
        elif kind == "tag":
            for vm in vms:  # the end of the stream now, without advancing: rates are constant since vm.t
                vm.tags.append((t, vm.written + vm.churn * (t - vm.t)))
            if (arg + 1) * interval <= horizon:
                push((arg + 1) * interval, 1, "tag", arg + 1)
        elif arg[1] == version[arg[0]]:  # a drain not superseded by a later re-share
            share(arg[0], t)
    for vm in vms:
        vm.advance(horizon, delay)
        vm.rpo.close(horizon)
    return events, vms


def main():
    workload = json.load(sys.stdin)
    start = time.process_time()
    events, vms = simulate(workload)
    seconds = time.process_time() - start
    rpo = [
        {"mean": r.area / r.total, "max": r.max, "withinThreshold": 1 - r.above / r.total}
        for r in (vm.rpo for vm in vms)
    ]
    json.dump({"cpuSeconds": seconds, "events": events, "maxUploadBytesPerSec": max(vm.max_upload for vm in vms), "rpo": rpo}, sys.stdout)


if __name__ == "__main__":
    main()
