package nl.ketenpoort.gateway.problem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends one request as raw HTTP/1.1 bytes over a socket, for requests that
 * {@code java.net.http} refuses to send (encoded NUL bytes, control characters in
 * headers, headers beyond any sane size).
 */
final class RawHttp {

	private RawHttp() {
	}

	record Response(int status, Map<String, String> headers, String body) {

		String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

	/**
	 * Sends the request line and headers (each a full line without CRLF) and reads the
	 * whole response; {@code Connection: close} is added, so the response ends with the
	 * connection.
	 */
	static Response send(int port, String requestLine, String... headers) {
		return sendWithBody(port, requestLine, "", headers);
	}

	/** As {@link #send}, with a body (ISO-8859-1) and its {@code Content-Length}. */
	static Response sendWithBody(int port, String requestLine, String body, String... headers) {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			StringBuilder request = new StringBuilder(requestLine).append("\r\n");
			request.append("Host: 127.0.0.1:").append(port).append("\r\n");
			for (String header : headers) {
				request.append(header).append("\r\n");
			}
			if (!body.isEmpty()) {
				request.append("Content-Length: ").append(body.length()).append("\r\n");
			}
			request.append("Connection: close\r\n\r\n").append(body);
			OutputStream out = socket.getOutputStream();
			// ISO-8859-1, so that a char below 256 goes out as exactly that byte.
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return parse(readAll(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		byte[] chunk = new byte[8192];
		try {
			for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
				buffer.write(chunk, 0, read);
			}
		}
		catch (java.net.SocketException ex) {
			// The server may reset the connection after answering a bad request; what
			// arrived before is the answer.
		}
		return buffer.toByteArray();
	}

	private static Response parse(byte[] raw) {
		String text = new String(raw, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		if (end < 0) {
			throw new IllegalStateException("No complete response head: " + text);
		}
		String[] lines = text.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
					lines[i].substring(colon + 1).trim());
		}
		byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = dechunk(body);
		}
		return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] dechunk(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		String text = new String(body, StandardCharsets.ISO_8859_1);
		int position = 0;
		while (true) {
			int lineEnd = text.indexOf("\r\n", position);
			int size = Integer.parseInt(text.substring(position, lineEnd).split(";")[0].trim(), 16);
			if (size == 0) {
				return out.toByteArray();
			}
			out.write(body, lineEnd + 2, size);
			position = lineEnd + 2 + size + 2;
		}
	}

}
