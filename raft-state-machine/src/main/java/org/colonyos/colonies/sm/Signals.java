package org.colonyos.colonies.sm;

import java.util.ArrayList;
import java.util.List;
import org.colonyos.colonies.proto.model.ChannelEntry;
import org.colonyos.colonies.proto.model.ColonyProcess;

/**
 * What one applied entry changed that waiting clients may care about: processes that were submitted or changed
 * state, and colonies whose assignments were resumed. Apply records them; the state machine hands them to its
 * {@link Listener} after the entry is applied and the state lock is released. Nothing here influences the
 * replicated state.
 *
 * <p>Confined to the apply thread until handed over.
 */
public final class Signals {
    private final List<ColonyProcess> processes = new ArrayList<>();
    private final List<String> resumedColonies = new ArrayList<>();
    private final List<ChannelAppended> appended = new ArrayList<>();
    private final List<String> channelsDropped = new ArrayList<>();

    /** An entry appended to a channel at a position. */
    public record ChannelAppended(String processId, String name, int position, ChannelEntry entry) {
    }

    /** Records a process in its new state. */
    public void process(ColonyProcess process) {
        processes.add(process);
    }

    /** Records that a colony's assignments were resumed. */
    public void resumed(String colonyName) {
        resumedColonies.add(colonyName);
    }

    /** Records an entry appended to a channel. */
    public void channelAppended(ChannelAppended entry) {
        appended.add(entry);
    }

    /** Records that a process's channels are gone (it ended or was removed). */
    public void channelsDropped(String processId) {
        channelsDropped.add(processId);
    }

    /** Delivers the recorded signals: processes, resumed colonies, channel entries, dropped channels. */
    public void deliverTo(Listener listener) {
        processes.forEach(listener::processChanged);
        resumedColonies.forEach(listener::assignmentsResumed);
        appended.forEach(listener::channelAppended);
        channelsDropped.forEach(listener::channelsDropped);
    }

    /** Receives signals on the apply thread; must not block. Every method defaults to ignoring the signal. */
    public interface Listener {
        /** Ignores every signal. */
        Listener NONE = new Listener() {
        };

        /** A listener that hands every signal to each of {@code listeners}, in order. */
        static Listener all(Listener... listeners) {
            List<Listener> copy = List.of(listeners);
            return new Listener() {
                @Override
                public void processChanged(ColonyProcess process) {
                    copy.forEach(l -> l.processChanged(process));
                }

                @Override
                public void assignmentsResumed(String colonyName) {
                    copy.forEach(l -> l.assignmentsResumed(colonyName));
                }

                @Override
                public void channelAppended(ChannelAppended entry) {
                    copy.forEach(l -> l.channelAppended(entry));
                }

                @Override
                public void channelsDropped(String processId) {
                    copy.forEach(l -> l.channelsDropped(processId));
                }

                @Override
                public void stateReplaced() {
                    copy.forEach(Listener::stateReplaced);
                }
            };
        }

        /** A process was submitted or changed state. */
        default void processChanged(ColonyProcess process) {
        }

        /** A colony's assignments were resumed. */
        default void assignmentsResumed(String colonyName) {
        }

        /** An entry was appended to a channel. */
        default void channelAppended(ChannelAppended entry) {
        }

        /** A process's channels are gone. */
        default void channelsDropped(String processId) {
        }

        /** The whole state was replaced (a snapshot from the leader was installed): anything may have changed. */
        default void stateReplaced() {
        }
    }
}
