package nl.ketenpoort.gateway.demo;

import java.util.Optional;

import nl.ketenpoort.gateway.audit.internal.AuditSigningKeys;
import nl.ketenpoort.gateway.audit.internal.SignedNote;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Tells the demo's witness ({@link DemoWitness}) the gateway's active note key, as the
 * organisation running a witness would configure it: asked again on every checkpoint, so
 * that a rotation reaches the witness too.
 */
@Component
@ConditionalOnBooleanProperty(DemoWitness.ENABLED)
class DemoWitnessLogKey implements SmartInitializingSingleton {

	private final AuditSigningKeys keys;

	DemoWitnessLogKey(AuditSigningKeys keys) {
		this.keys = keys;
	}

	@Override
	public void afterSingletonsInstantiated() {
		DemoWitness.LOG_KEY
			.set(() -> this.keys.noteVerifierKeys().stream().findFirst().map(SignedNote.VerifierKey::parse));
	}

}
