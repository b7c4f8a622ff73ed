package org.colonyos.colonies.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Thread dumps read as CPU by role, and two of them as each role's share of a cycle. */
class ThreadRolesTest {
    private static final String DUMP = String.join("\n",
            "2026-12-08 02:00:00",
            "Full thread dump OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1 mixed mode, sharing):",
            "",
            "\"n1@group-22A17436EF9C-StateMachineUpdater\" #40 daemon prio=5 os_prio=0 cpu=300.50ms elapsed=60.1s "
                    + "tid=0x1 nid=0x2 waiting on condition  [0x3]",
            "   java.lang.Thread.State: WAITING (parking)",
            "\"n1@group-22A17436EF9C-SegmentedRaftLogWorker\" #41 daemon prio=5 os_prio=0 cpu=100.00ms elapsed=60s",
            "\"n1@group-22A17436EF9C-LeaderStateImpl\" #42 daemon prio=5 os_prio=0 cpu=20.00ms elapsed=60s",
            "\"n1-client-thread1\" #43 daemon prio=5 os_prio=0 cpu=30.00ms elapsed=60s",
            "\"multiThreadIoEventLoopGroup-3-1\" #50 prio=10 os_prio=0 cpu=400.00ms elapsed=60s",
            "\"multiThreadIoEventLoopGroup-3-2\" #51 prio=10 os_prio=0 cpu=250.25ms elapsed=60s",
            "\"C2 CompilerThread0\" #5 daemon prio=9 os_prio=0 cpu=500.00ms elapsed=61s",
            "\"C1 CompilerThread0\" #6 daemon prio=9 os_prio=0 cpu=100.00ms elapsed=61s",
            "\"n1-snapshot\" #60 daemon prio=5 os_prio=0 cpu=40.00ms elapsed=50s",
            "\"GC Thread#0\" os_prio=0 cpu=60.00ms elapsed=61s tid=0x4 nid=0x5 runnable",
            "\"G1 Conc#0\" os_prio=0 cpu=15.00ms elapsed=61s",
            "\"colonies-wake\" #70 daemon prio=5 os_prio=0 cpu=5.00ms elapsed=50s",
            "\"VM Thread\" os_prio=0 cpu=8.00ms elapsed=61s",
            "   - parking to wait for  <0x00000000> (a \"quoted\" thing cpu=99ms)",
            "JNI global refs: 10, weak refs: 0");

    @Test
    void aDumpSumsEachRolesThreads() {
        Map<String, Double> byRole = ThreadRoles.cpuByRole(DUMP);
        assertEquals(Map.of("apply", 300.5, "raft-log", 100.0, "raft", 50.0, "http", 650.25, "jit", 600.0,
                "snapshot", 40.0, "gc", 75.0, "other", 13.0), byRole);
    }

    @Test
    void twoDumpsGiveEachRolesShareOfACycleLargestFirst() {
        Map<String, Double> before = Map.of("http", 100.0, "apply", 50.0, "jit", 10.0);
        Map<String, Double> after = Map.of("http", 400.0, "apply", 150.0, "jit", 110.0, "gc", 0.0);
        assertEquals("http 0.60, apply 0.20, jit 0.20, gc 0.00", ThreadRoles.perCycle(before, after, 1.0));
        assertEquals("no CPU used", ThreadRoles.perCycle(after, after, 1.0));
    }
}
