#!/usr/bin/env python3
# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
"""QEMU's human monitor for test/vm/run (VM_MONITOR, VM_STALL).

  monitor.py SOCKET COMMAND...        run each monitor command, print its output
  monitor.py --stall SOCKET           each CPU's registers and the top of its
                                      stack, twice
  monitor.py --symbolize SYSTEM.MAP   read 'info registers -a' output on
                                      stdin, print each CPU's RIP as
                                      function+offset (the guest runs
                                      without KASLR)
"""
import bisect
import re
import socket
import sys
import time


def connect(path):
    s = socket.socket(socket.AF_UNIX)
    s.connect(path)
    s.settimeout(2)

    def drain():
        out = b''
        try:
            while True:
                d = s.recv(65536)
                if not d:
                    break
                out += d
        except OSError:
            pass
        return out.decode(errors='replace')

    def cmd(c):
        s.sendall((c + '\n').encode())
        time.sleep(0.5)
        return drain()

    drain()  # the banner
    return cmd


def run(path, commands):
    cmd = connect(path)
    for c in commands:
        sys.stdout.write(cmd(c) + '\n')


def stall(path):
    cmd = connect(path)
    for _ in range(2):
        regs = cmd('info registers -a')
        sys.stdout.write(regs + '\n')
        cpu = None
        for line in regs.splitlines():
            m = re.match(r'CPU#(\d+)', line)
            if m:
                cpu = m.group(1)
            m = re.search(r'RSP=([0-9a-f]{16})', line)
            if m and cpu is not None:
                cmd('cpu ' + cpu)
                sys.stdout.write('STACK CPU#%s\n' % cpu)
                sys.stdout.write(cmd('x/48gx 0x' + m.group(1)) + '\n')


def symbolize(sysmap):
    addrs, names = [], []
    with open(sysmap) as f:
        for line in f:
            a, t, n = line.split()[:3]
            if t in 'tTwW':
                addrs.append(int(a, 16))
                names.append(n)
    order = sorted(range(len(addrs)), key=addrs.__getitem__)
    addrs = [addrs[i] for i in order]
    names = [names[i] for i in order]
    def where(a):
        i = bisect.bisect_right(addrs, a) - 1
        if i >= 0 and a - addrs[i] < 0x10000:
            return '%s+%#x' % (names[i], a - addrs[i])
        return None

    cpu, stack = None, False
    for line in sys.stdin:
        m = re.match(r'(STACK )?CPU#(\d+)', line)
        if m:
            cpu, stack = m.group(2), bool(m.group(1))
        m = re.search(r'RIP=([0-9a-f]{16})', line)
        if m:
            rip = int(m.group(1), 16)
            print('CPU %s: RIP %016x %s' % (cpu, rip,
                  where(rip) or '(a module or user space)'))
        if stack and re.match(r'[0-9a-f]{16}:', line):
            # Kernel text addresses on the stack: a rough backtrace.
            for w in line.split()[1:]:
                f = where(int(w, 16)) if w.startswith('0xffffffff') else None
                if f:
                    print('CPU %s:   on stack %s' % (cpu, f))


if __name__ == '__main__':
    if sys.argv[1] == '--symbolize':
        symbolize(sys.argv[2])
    elif sys.argv[1] == '--stall':
        stall(sys.argv[2])
    else:
        run(sys.argv[1], sys.argv[2:])
