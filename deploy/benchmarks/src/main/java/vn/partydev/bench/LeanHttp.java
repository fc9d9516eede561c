package vn.partydev.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The load generator's HTTP/1.1 client for the pipeline actions (ADR 0131): one keep-alive socket per client
 * thread, the request written as bytes from a prepared header, the answer read into a reused buffer. It sends
 * exactly what {@link Http#post} sends (the same method, path, headers and JSON body) and reads the whole
 * answer (status line, headers, body) before the action counts as answered, but keeps the body as text only for
 * an error; the JDK client spent ≈ 0.2 ms of CPU per action on the two cores the services need (a selector
 * thread, futures and header maps per request). Not thread-safe: one instance per client thread.
 */
final class LeanHttp implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 30_000;

    private final String host;
    private final int port;
    /** "Host", "Authorization" and "Content-Type" lines, the same on every request. */
    private final byte[] fixedHeaders;
    private byte[] in = new byte[16 * 1024];
    private Socket socket;
    private InputStream input;
    private OutputStream output;
    private int start;
    private int end;

    LeanHttp(String baseUrl, String bearer) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.fixedHeaders = ("Host: " + host + ":" + port + "\r\nAuthorization: " + bearer
                + "\r\nContent-Type: application/json\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * POST {@code path} with a JSON body and an optional If-Match. A failure closes the connection (the next call
     * opens a new one) and is thrown, never retried: a step is not idempotent, as with {@link Http#post}.
     */
    Http.Answer post(String path, String json, String ifMatch) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(96 + path.length()).append("POST ").append(path)
                .append(" HTTP/1.1\r\n");
        byte[] first = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        head.setLength(0);
        if (ifMatch != null) {
            head.append("If-Match: ").append(ifMatch).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] last = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        try {
            return exchange(first, last, body);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private Http.Answer exchange(byte[] first, byte[] last, byte[] body) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            input = socket.getInputStream();
            output = socket.getOutputStream();
            start = 0;
            end = 0;
        }
        byte[] request = new byte[first.length + fixedHeaders.length + last.length + body.length];
        System.arraycopy(first, 0, request, 0, first.length);
        System.arraycopy(fixedHeaders, 0, request, first.length, fixedHeaders.length);
        System.arraycopy(last, 0, request, first.length + fixedHeaders.length, last.length);
        System.arraycopy(body, 0, request, first.length + fixedHeaders.length + last.length, body.length);
        output.write(request);
        output.flush();
        return readAnswer();
    }

    private Http.Answer readAnswer() throws IOException {
        String statusLine = line();
        if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.1 ")) {
            throw new IOException("Not an HTTP/1.1 answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        String etag = null;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon);
            String value = header.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase().contains("chunked");
            } else if (name.equalsIgnoreCase("ETag")) {
                etag = value;
            } else if (name.equalsIgnoreCase("Connection")) {
                closeAfter = value.equalsIgnoreCase("close");
            }
        }
        StringBuilder text = status == 200 ? null : new StringBuilder();
        if (chunked) {
            for (long size = Long.parseLong(chunkSize(line()), 16); size > 0;
                 size = Long.parseLong(chunkSize(line()), 16)) {
                body(size, text);
                line(); // the CRLF after the chunk
            }
            while (!line().isEmpty()) {
                // trailers: none expected
            }
        } else if (length >= 0) {
            body(length, text);
        } else {
            throw new IOException("An answer without Content-Length or chunked encoding");
        }
        if (closeAfter) {
            close();
        }
        return new Http.Answer(status, text == null ? null : text.toString(), etag);
    }

    private static String chunkSize(String line) {
        int semicolon = line.indexOf(';');
        return (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
    }

    /** Consumes {@code n} bytes of body, kept as text only when {@code text} is not null (an error answer). */
    private void body(long n, StringBuilder text) throws IOException {
        while (n > 0) {
            if (start == end) {
                fill();
            }
            int take = (int) Math.min(n, end - start);
            if (text != null) {
                text.append(new String(in, start, take, StandardCharsets.UTF_8));
            }
            start += take;
            n -= take;
        }
    }

    /** One header line without its CRLF (ISO-8859-1, as HTTP header bytes are). */
    private String line() throws IOException {
        while (true) {
            for (int i = start; i < end - 1; i++) {
                if (in[i] == '\r' && in[i + 1] == '\n') {
                    String line = new String(in, start, i - start, StandardCharsets.ISO_8859_1);
                    start = i + 2;
                    return line;
                }
            }
            if (start > 0) {
                System.arraycopy(in, start, in, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == in.length) {
                byte[] larger = new byte[in.length * 2];
                System.arraycopy(in, 0, larger, 0, end);
                in = larger;
            }
            int n = input.read(in, end, in.length - end);
            if (n < 0) {
                throw new EOFException("Connection closed by the server");
            }
            end += n;
        }
    }

    private void fill() throws IOException {
        start = 0;
        end = 0;
        int n = input.read(in, 0, in.length);
        if (n < 0) {
            throw new EOFException("Connection closed by the server");
        }
        end = n;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
        input = null;
        output = null;
        start = 0;
        end = 0;
    }
}
