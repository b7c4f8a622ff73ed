package org.colonyos.colonies.sdk;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One blocking HTTP/1.1 client connection: writes a POST and reads the reply (a {@code Content-Length} body,
 * a chunked body, or a body up to the end of the stream).
 *
 * <p>Not thread-safe: one exchange at a time, which {@link KeepAliveExchange} guarantees.
 */
final class HttpConnection implements AutoCloseable {
    /** Largest reply body accepted (a listing of 100 processes is well under a megabyte). */
    private static final int MAX_BODY = 64 * 1024 * 1024;
    private static final int MAX_LINE = 8192;
    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;

    private HttpConnection(SocketChannel channel) throws IOException {
        this.channel = channel;
        channel.socket().setTcpNoDelay(true);
        this.in = new BufferedInputStream(channel.socket().getInputStream(), 16 * 1024);
        this.out = channel.socket().getOutputStream();
    }

    /** Connects to the URL's server; every failure to connect is a {@link ConnectException}. */
    static HttpConnection open(URI url, Duration timeout) throws ConnectException {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.socket().connect(new InetSocketAddress(url.getHost(), port(url)), (int) timeout.toMillis());
            return new HttpConnection(channel);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw (ConnectException) new ConnectException(e.getMessage()).initCause(e);
        }
    }

    /** The URL's port, 80 when it names none. */
    static int port(URI url) {
        return url.getPort() < 0 ? 80 : url.getPort();
    }

    /** The reply to one request, and whether the connection may carry another request. */
    record Response(HttpExchange.Reply reply, boolean keepAlive) {
    }

    /**
     * True when the server has not closed the connection and sent nothing unasked: no bytes are left over from
     * the last reply, and a non-blocking read finds no data.
     */
    boolean isOpen() {
        try {
            if (in.available() > 0) {
                return false;
            }
            channel.configureBlocking(false);
            int read = channel.read(ByteBuffer.allocate(1));
            channel.configureBlocking(true);
            return read == 0;
        } catch (IOException e) {
            return false;
        }
    }

    Response exchange(URI url, byte[] body, Duration timeout) throws IOException {
        String head = "POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + port(url)
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        channel.socket().setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
        out.write(request);
        out.flush();
        return readResponse();
    }

    private Response readResponse() throws IOException {
        String statusLine = readLine();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x reply: " + statusLine);
        }
        int status = parseStatus(parts[1], statusLine);
        boolean keepAlive = parts[0].equals("HTTP/1.1");
        long length = -1;
        boolean chunked = false;
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("bad reply header: " + line);
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = parseLength(value);
                case "transfer-encoding" -> chunked = value.endsWith("chunked");
                case "connection" -> keepAlive = !value.contains("close")
                        && (keepAlive || value.contains("keep-alive"));
                default -> { }
            }
        }
        if (chunked) {
            return new Response(new HttpExchange.Reply(status, readChunked()), keepAlive);
        }
        if (length >= 0) {
            return new Response(new HttpExchange.Reply(status, readExactly((int) length)), keepAlive);
        }
        return new Response(new HttpExchange.Reply(status, readToEnd()), false);
    }

    private static int parseStatus(String code, String statusLine) throws IOException {
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException e) {
            throw new IOException("bad status line: " + statusLine);
        }
    }

    private static long parseLength(String value) throws IOException {
        try {
            long length = Long.parseLong(value);
            if (length < 0 || length > MAX_BODY) {
                throw new IOException("reply body of " + value + " bytes refused");
            }
            return length;
        } catch (NumberFormatException e) {
            throw new IOException("bad Content-Length: " + value);
        }
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int extension = sizeLine.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size: " + sizeLine);
            }
            if (size < 0 || body.size() + (long) size > MAX_BODY) {
                throw new IOException("reply body too large");
            }
            if (size == 0) {
                skipTrailers();
                return body.toByteArray();
            }
            body.write(readExactly(size));
            if (!readLine().isEmpty()) {
                throw new IOException("chunk not followed by CRLF");
            }
        }
    }

    private void skipTrailers() throws IOException {
        String trailer = readLine();
        while (!trailer.isEmpty()) {
            trailer = readLine();
        }
    }

    private byte[] readExactly(int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new EOFException("reply ended after " + bytes.length + " of " + length + " bytes");
        }
        return bytes;
    }

    private byte[] readToEnd() throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new IOException("reply body too large");
        }
        return bytes;
    }

    /** A header line without its CRLF (a bare LF is accepted too). */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed by the server");
            }
            if (line.length() >= MAX_LINE) {
                throw new IOException("reply header line too long");
            }
            line.append((char) c);
        }
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a socket that failed: nothing left to do
            }
        }
    }
}
