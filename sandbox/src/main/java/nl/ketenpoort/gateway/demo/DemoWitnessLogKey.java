package nl.ketenpoort.gateway.demo;

import nl.ketenpoort.gateway.audit.internal.AuditSigningKeys;
import nl.ketenpoort.gateway.audit.internal.SignedNote;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Tells the demo's witness ({@link DemoWitness}) the gateway's note keys, active and
 * retired, as the organisation running a witness would configure them: asked again on
 * every checkpoint, so that a rotation reaches the witness too.
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
			.set(() -> this.keys.noteVerifierKeys().stream().map(SignedNote.VerifierKey::parse).toList());
	}

}
