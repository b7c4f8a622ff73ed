package org.colonyos.colonies.cli.bench;

import picocli.CommandLine.Command;

/**
 * {@code colonies bench channel}: processes that each carry a channel; the executor that is assigned one
 * appends four messages to its channel and reads them back before closing it. Prints channels/s (four messages
 * each) with the options and figures of {@code colonies bench} (see {@link LoadRun}).
 */
@Command(name = "channel", description = "Measure process channels: each assigned process gets 4 messages appended "
        + "to its channel and read back before it is closed")
final class ChannelBench extends LoadBench {
    @Override
    Workload workload() {
        return Workload.CHANNELS;
    }
}
