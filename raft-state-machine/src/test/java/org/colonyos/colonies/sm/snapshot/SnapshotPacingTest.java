package org.colonyos.colonies.sm.snapshot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** An automatic snapshot waits twice as long as the last export took, counted from its end. */
class SnapshotPacingTest {
    @Test
    void theFirstSnapshotMayStartAtOnce() {
        assertTrue(new SnapshotPacing().mayStart(0));
    }

    @Test
    void afterAnExportTheNextWaitsTwiceItsDuration() {
        SnapshotPacing pacing = new SnapshotPacing();
        pacing.exported(1_000, 1_600);
        assertFalse(pacing.mayStart(1_600));
        assertFalse(pacing.mayStart(2_799));
        assertTrue(pacing.mayStart(2_800));
        pacing.exported(3_000, 3_100);
        assertFalse(pacing.mayStart(3_299), "a shorter export shortens the wait");
        assertTrue(pacing.mayStart(3_300));
    }
}
