package nl.ketenpoort.gateway.identity.internal;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import nl.ketenpoort.gateway.identity.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * A certificate-bound token passes only over a request with its certificate.
 */
class CertificateBindingTests {

	@TempDir
	static Path directory;

	private static TestCertificates certificates;

	@BeforeAll
	static void certificates() {
		certificates = TestCertificates.create(directory, "CN=CA,O=Tests").client("a", "CN=a").client("b", "CN=b");
	}

	@AfterEach
	void noRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void anUnboundTokenPassesWithoutACertificate() {
		assertThatNoException().isThrownBy(() -> CertificateBinding.check(jwt(null)));
	}

	@Test
	void aBoundTokenPassesWithItsCertificate() {
		MockHttpServletRequest request = request(certificates.certificate("a"));

		assertThatNoException().isThrownBy(() -> CertificateBinding.check(jwt(bound("a"))));
		assertThat(request.getAttribute(CertificateBinding.REFUSED)).isNull();
	}

	@Test
	void aBoundTokenIsRefusedWithAnotherCertificate() {
		MockHttpServletRequest request = request(certificates.certificate("b"));

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> CertificateBinding.check(jwt(bound("a"))));
		assertThat(request.getAttribute(CertificateBinding.REFUSED)).isEqualTo("TOKEN_CERTIFICATE_MISMATCH");
	}

	@Test
	void aBoundTokenIsRefusedWithoutACertificate() {
		MockHttpServletRequest request = request(null);

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> CertificateBinding.check(jwt(bound("a"))));
		assertThat(request.getAttribute(CertificateBinding.REFUSED)).isEqualTo("TOKEN_CERTIFICATE_MISSING");
	}

	@Test
	void aBoundTokenIsRefusedOutsideARequest() {
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> CertificateBinding.check(jwt(bound("a"))));
	}

	@Test
	void anotherKindOfBindingIsRefused() {
		MockHttpServletRequest request = request(certificates.certificate("a"));

		assertThatExceptionOfType(BadJwtException.class)
			.isThrownBy(() -> CertificateBinding.check(jwt(Map.of("jkt", "thumbprint-of-a-dpop-key"))));
		assertThat(request.getAttribute(CertificateBinding.REFUSED)).isEqualTo("TOKEN_BINDING_UNSUPPORTED");
	}

	private static Map<String, Object> bound(String name) {
		return Map.of(CertificateBinding.X5T_S256, CertificateBinding.thumbprint(certificates.certificate(name)));
	}

	private static MockHttpServletRequest request(X509Certificate certificate) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		if (certificate != null) {
			request.setAttribute(CertificateBinding.CERTIFICATES, new X509Certificate[] { certificate });
		}
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		return request;
	}

	private static Jwt jwt(Map<String, Object> cnf) {
		Jwt.Builder builder = Jwt.withTokenValue("token")
			.header("alg", "ES256")
			.subject("tvs")
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60));
		if (cnf != null) {
			builder.claim(CertificateBinding.CNF, cnf);
		}
		return builder.build();
	}

}
