package nl.ketenpoort.client;

import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * The gateway's answer to one call: status, headers and body (JSON, or a problem document
 * when the status is 400 or more).
 *
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the body as text
 */
public record Answer(int status, HttpHeaders headers, String body) {

	/** The {@code Location} header, where the gateway named a resource. */
	public Optional<String> location() {
		return this.headers.firstValue("Location");
	}

	/** Whether the status is 2xx. */
	public boolean isSuccess() {
		return this.status >= 200 && this.status < 300;
	}

}
