package org.colonyos.colonies.sm.node;

/**
 * How many writes a node has proposed, and in how many Raft entries: with writes batched under load, the second
 * grows more slowly than the first. Immutable.
 *
 * @param writes client and timer writes proposed
 * @param proposals Raft entries they were proposed in
 */
public record ProposalCounts(long writes, long proposals) {
    /** The counts of both nodes together. */
    public ProposalCounts plus(ProposalCounts other) {
        return new ProposalCounts(writes + other.writes, proposals + other.proposals);
    }

    /** The counts since {@code earlier}. */
    public ProposalCounts since(ProposalCounts earlier) {
        return new ProposalCounts(writes - earlier.writes, proposals - earlier.proposals);
    }

    /** Writes per Raft entry (0 when nothing was proposed). */
    public double writesPerProposal() {
        return proposals == 0 ? 0 : (double) writes / proposals;
    }
}
