package org.colonyos.colonies.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server's start sets the idle-heap flags the command line left at their defaults, and only those. */
class IdleHeapTest {
    @Test
    void flagsAtTheirDefaultsAreSetOthersAreLeftAsGiven() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        Map<String, String> expected = new LinkedHashMap<>();
        IdleHeap.defaults().forEach((flag, value) -> {
            VMOption before = vm.getVMOption(flag);
            expected.put(flag, before.getOrigin() == VMOption.Origin.DEFAULT ? value : before.getValue());
        });
        IdleHeap.apply();
        Map<String, String> after = new LinkedHashMap<>();
        expected.keySet().forEach(flag -> after.put(flag, vm.getVMOption(flag).getValue()));
        assertEquals(expected, after);
        assertEquals("30000", IdleHeap.defaults().get("G1PeriodicGCInterval"));
    }
}
