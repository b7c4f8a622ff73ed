package org.colonyos.colonies.sdk;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.colonyos.colonies.proto.model.ChannelEntry;

/**
 * One channel of a process, for its initiator or its assigned executor (protocol 4.13): messages appended with
 * sequence numbers counted from 1 by this object, reads by position, and a blocking subscription.
 *
 * <p>Thread-safe: appends from several threads get distinct sequence numbers.
 */
public final class ProcessChannel {
    private final ColoniesClient client;
    private final String processId;
    private final String name;
    private final String prvKey;
    private final AtomicLong sequence = new AtomicLong();

    public ProcessChannel(ColoniesClient client, String processId, String name, String prvKey) {
        this.client = client;
        this.processId = processId;
        this.name = name;
        this.prvKey = prvKey;
    }

    /** Appends a data message; its sequence number. */
    public long append(byte[] payload) {
        return append(payload, "", 0);
    }

    /** Appends a UTF-8 text message; its sequence number. */
    public long append(String text) {
        return append(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Appends the end of the stream (type {@code end}); its sequence number. */
    public long end() {
        return append(new byte[0], ChannelEntry.END, 0);
    }

    /** Appends a message of a type ({@code ""} data, {@code end}, {@code error}) answering {@code inReplyTo}. */
    public long append(byte[] payload, String type, long inReplyTo) {
        long next = sequence.incrementAndGet();
        client.appendToChannel(processId, name, next, inReplyTo, payload, type, prvKey);
        return next;
    }

    /** The entries from position {@code afterSeq}, at most {@code limit} (0: all). */
    public List<ChannelEntry> read(long afterSeq, int limit) {
        return client.readChannel(processId, name, afterSeq, limit, prvKey);
    }

    /**
     * Hands the entries from position {@code afterSeq} and then each new one to {@code onEntry}, blocking until an
     * {@code end} entry arrives, {@code timeoutSeconds} pass, or the process ends.
     *
     * @return whether an {@code end} entry was seen
     * @throws ColoniesException for a refused subscription or a lost connection
     */
    public boolean subscribe(long afterSeq, int timeoutSeconds, Consumer<ChannelEntry> onEntry) {
        CompletableFuture<Object> sawEnd = new CompletableFuture<>();
        try (Subscription subscription = client.subscribeChannel(processId, name, afterSeq, timeoutSeconds, prvKey,
                entry -> {
                    onEntry.accept(entry);
                    if (ChannelEntry.END.equals(entry.type())) {
                        sawEnd.complete(true);
                    }
                })) {
            CompletableFuture.anyOf(subscription.ended(), sawEnd).join();
            return sawEnd.isDone();
        } catch (CompletionException e) {
            throw e.getCause() instanceof ColoniesException cause ? cause : e;
        }
    }
}
