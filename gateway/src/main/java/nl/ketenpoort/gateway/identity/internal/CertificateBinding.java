package nl.ketenpoort.gateway.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Map;

import nl.ketenpoort.keys.Digests;
import jakarta.servlet.http.HttpServletRequest;
import nl.ketenpoort.schemas.problem.RefusalReason;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Certificate-bound access tokens (RFC 8705 section 3): a token issued over mutual TLS
 * carries {@code cnf.x5t#S256}, the SHA-256 thumbprint of the client certificate, and is
 * accepted only over a TLS connection with that same certificate. A stolen bound token is
 * of no use without the partner's private key.
 */
public final class CertificateBinding {

	/** The confirmation claim (RFC 7800). */
	static final String CNF = "cnf";

	/** The certificate thumbprint member of {@code cnf}. */
	static final String X5T_S256 = "x5t#S256";

	/**
	 * The request attribute with the reason a bound token was refused, for the audit
	 * ({@link Refusals}).
	 */
	static final String REFUSED = CertificateBinding.class.getName() + ".REFUSED";

	/** The servlet request attribute with the client's certificate chain. */
	static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

	private CertificateBinding() {
	}

	/**
	 * Refuses a bound token presented without its certificate, or over another one; an
	 * unbound token passes.
	 */
	static void check(Jwt jwt) {
		Object cnf = jwt.getClaims().get(CNF);
		if (cnf == null) {
			return;
		}
		HttpServletRequest request = currentRequest();
		Object thumbprint = (cnf instanceof Map<?, ?> confirmation) ? confirmation.get(X5T_S256) : null;
		if (!(thumbprint instanceof String expected)) {
			// Such as a DPoP key (jkt), which this gateway does not check: refused
			// rather than accepted as if unbound.
			throw refuse(request, RefusalReason.TOKEN_BINDING_UNSUPPORTED.name(),
					"The access token is bound to something else");
		}
		X509Certificate[] chain = (request != null
				&& request.getAttribute(CERTIFICATES) instanceof X509Certificate[] certificates) ? certificates : null;
		if (chain == null || chain.length == 0) {
			throw refuse(request, RefusalReason.TOKEN_CERTIFICATE_MISSING.name(),
					"The access token is bound to a client certificate, and none was presented");
		}
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				thumbprint(chain[0]).getBytes(StandardCharsets.US_ASCII))) {
			throw refuse(request, RefusalReason.TOKEN_CERTIFICATE_MISMATCH.name(),
					"The access token is bound to another client certificate");
		}
	}

	/** The base64url SHA-256 of the DER certificate, as {@code x5t#S256}. */
	public static String thumbprint(X509Certificate certificate) {
		try {
			return Digests.sha256Base64Url(certificate.getEncoded());
		}
		catch (CertificateEncodingException ex) {
			throw new BadJwtException("The client certificate cannot be read");
		}
	}

	private static BadJwtException refuse(@Nullable HttpServletRequest request, String reason, String message) {
		if (request != null) {
			request.setAttribute(REFUSED, reason);
		}
		return new BadJwtException(message);
	}

	private static @Nullable HttpServletRequest currentRequest() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest() : null;
	}

}
