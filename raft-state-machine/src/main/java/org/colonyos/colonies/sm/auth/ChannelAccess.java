package org.colonyos.colonies.sm.auth;

import java.util.List;
import org.colonyos.colonies.proto.model.ChannelEntry;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.state.ColoniesState;

/**
 * Who may use a process's channel (protocol 4.13), checked in the protocol's order: the process exists (404),
 * the caller is a member of its colony (403), the channel is declared in the process's {@code spec.channels}
 * and the process has not ended (404), and the caller is the process's initiator or its assigned executor (403).
 * Stateless.
 */
public final class ChannelAccess {
    private ChannelAccess() {
    }

    /**
     * The process whose channel the caller may use.
     *
     * @param action what the caller does, for the refusal: {@code write to}, {@code read from}, {@code subscribe to}
     */
    public static ColonyProcess require(ColoniesState state, String callerId, String processId, String name,
            String action) {
        ColonyProcess process = state.processes().get(processId)
                .orElseThrow(() -> Rejection.notFound("Process not found"));
        Authorizer.requireMember(state, callerId, process.colonyName(), true);
        List<String> declared = process.spec().channels();
        if (declared == null || !declared.contains(name) || ProcessState.isFinal(process.state())
                || name.chars().anyMatch(Character::isISOControl)) {
            throw Rejection.notFound("Channel not found");
        }
        boolean initiator = callerId.equals(process.initiatorId());
        boolean assignee = !process.assignedExecutorId().isEmpty() && callerId.equals(process.assignedExecutorId());
        if (!initiator && !assignee) {
            throw Rejection.forbidden("Not authorized to " + action + " channel");
        }
        return process;
    }

    /**
     * The entries of a channel the caller may read, from position {@code from}, at most {@code limit} (0: all).
     *
     * @throws Rejection as {@link #require}, or 400 for a negative position or limit
     */
    public static List<ChannelEntry> readable(ColoniesState state, String callerId, String processId, String name,
            long from, int limit, String action) {
        require(state, callerId, processId, name, action);
        if (from < 0 || limit < 0) {
            throw Rejection.badRequest("afterseq and limit must not be negative");
        }
        return state.catalog().channelEntries(processId, name, from, limit == 0 ? Long.MAX_VALUE : limit);
    }
}
