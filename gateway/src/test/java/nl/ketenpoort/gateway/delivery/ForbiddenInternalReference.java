package nl.ketenpoort.gateway.delivery;

import nl.ketenpoort.gateway.identity.internal.CertificateBinding;

/**
 * Delivery code that reaches into the identity module's internals: never compiled into
 * the gateway, only imported by {@code ModularityTests} to show that the module check
 * refuses it.
 */
final class ForbiddenInternalReference {

	private ForbiddenInternalReference() {
	}

	static Class<?> reachesIn() {
		return CertificateBinding.class;
	}

}
