package org.colonyos.colonies.sm.apply;

import org.colonyos.colonies.proto.model.Capabilities;
import org.colonyos.colonies.proto.model.Conditions;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.Resources;
import org.colonyos.colonies.sm.Rejection;

/**
 * Brings a submitted spec into the shape the Go server stores and returns: CPU as {@code "<n>m"}, memory,
 * storage and GPU memory as {@code "<MiB>Mi"}, GPU node count dropped. Stateless.
 */
final class SpecNormalizer {
    private SpecNormalizer() {
    }

    static FunctionSpec normalize(FunctionSpec spec) {
        Conditions c = spec.conditions();
        Capabilities.Gpu gpu = c.gpu();
        Capabilities.Gpu normalizedGpu = new Capabilities.Gpu(gpu.name(), mebibytes(gpu.mem(), "gpu mem"),
                gpu.count(), 0);
        return spec.withConditions(c.withResources(Resources.specCpuMillis(c.cpu()) + "m", mebibytes(c.mem(), "mem"),
                mebibytes(c.storage(), "storage"), normalizedGpu));
    }

    private static String mebibytes(String amount, String what) {
        return Resources.memMiB(amount, 0).orElseThrow(() -> Rejection.badRequest(
                "Failed to submit function spec, invalid " + what + " <" + amount + ">")) + "Mi";
    }
}
