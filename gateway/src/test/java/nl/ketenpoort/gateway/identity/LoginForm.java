package nl.ketenpoort.gateway.identity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The login form as a browser on another machine would use it: every request leaves from
 * a client address of the test's choice (any of 127.0.0.0/8), which
 * {@link java.net.http.HttpClient} on Java 17 cannot do. One login session (cookie and
 * CSRF token) serves every address, as a session is not bound to one.
 */
public final class LoginForm {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

	private final int port;

	private final String cookie;

	private final String csrf;

	private LoginForm(int port, String cookie, String csrf) {
		this.port = port;
		this.cookie = cookie;
		this.csrf = csrf;
	}

	/** Opens the login page once, for its session cookie and CSRF token. */
	public static LoginForm open(int port) {
		Answer page = exchange(port, "127.0.0.1",
				"GET /login HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\nAccept: text/html\r\n\r\n", "");
		Matcher session = SESSION.matcher(page.header("set-cookie").orElseThrow());
		Matcher csrf = CSRF.matcher(page.body());
		if (!session.find() || !csrf.find()) {
			throw new IllegalStateException("The login page gave no session or no CSRF token");
		}
		return new LoginForm(port, session.group(1), csrf.group(1));
	}

	/** Posts the form from this client address, as a browser (HTML) or not. */
	public Answer post(String clientAddress, String username, String password, String accept) {
		String body = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(this.csrf);
		String head = "POST /login HTTP/1.0\r\nHost: 127.0.0.1:" + this.port + "\r\nAccept: " + accept
				+ "\r\nAccept-Language: nl\r\nCookie: JSESSIONID=" + this.cookie
				+ "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
				+ body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n";
		return exchange(this.port, clientAddress, head, body);
	}

	/**
	 * Sends one raw HTTP/1.0 request from this client address (any of 127.0.0.0/8).
	 */
	static Answer exchange(int port, String clientAddress, String head, String body) {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(clientAddress), 0));
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
			socket.setSoTimeout(30000);
			OutputStream out = socket.getOutputStream();
			out.write((head + body).getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream read = new ByteArrayOutputStream();
			in.transferTo(read);
			return Answer.parse(read.toString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** An HTTP answer: status, headers (names in lower case) and body. */
	public record Answer(int status, Map<String, String> headers, String body) {

		static Answer parse(String raw) {
			int end = raw.indexOf("\r\n\r\n");
			String[] lines = raw.substring(0, end).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
			}
			return new Answer(status, headers, raw.substring(end + 4));
		}

		public Optional<String> header(String name) {
			return Optional.ofNullable(this.headers.get(name));
		}

		/** Whether this is the redirect of a refused password back to the form. */
		public boolean isWrongPassword() {
			return this.status == 302 && header("location").orElse("").endsWith("/login?error");
		}

		/** Whether this is the redirect of an accepted login. */
		public boolean isLoggedIn() {
			return this.status == 302 && !header("location").orElse("").contains("/login");
		}

	}

}
