package org.colonyos.colonies.cfs;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A stream of {@code length} bytes of a file from an offset, reporting what it reads to a progress listener: one
 * part of an upload, read as it is sent. Not thread-safe (one reader).
 */
final class FileSlice extends FilterInputStream {
    private long remaining;
    private final TransferProgress progress;

    private FileSlice(InputStream in, long length, TransferProgress progress) {
        super(in);
        this.remaining = length;
        this.progress = progress;
    }

    static InputStream open(Path file, long offset, long length, TransferProgress progress) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ).position(offset);
            return new FileSlice(Channels.newInputStream(channel), length, progress);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int n = super.read(buffer, offset, (int) Math.min(length, remaining));
        if (n > 0) {
            remaining -= n;
            progress.transferred(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, remaining));
        remaining -= skipped;
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(super.available(), remaining);
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
