package nl.ketenpoort.gateway.audit;

import java.time.Clock;

import javax.sql.DataSource;

import nl.ketenpoort.gateway.audit.internal.AuditChainer;
import nl.ketenpoort.gateway.system.FaultPoints;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit trail on a test database, as the gateway wires it, with its chainer: no
 * chainer thread runs here, so an append outside a transaction is chained before it
 * returns, and one inside a transaction when {@link #chainPending()} is called after its
 * commit.
 */
final class ChainingTrail extends AuditTrail {

	private final AuditChainer chainer;

	ChainingTrail(DataSource dataSource, Clock clock, AuditChainer chainer) {
		super(JdbcClient.create(dataSource), clock, chainer, FaultPoints.none());
		this.chainer = chainer;
	}

	@Override
	public AuditRecord append(AuditEvent event) {
		AuditRecord staged = super.append(event);
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			this.chainer.chainPending();
		}
		return staged;
	}

	/** Chains what committed transactions staged. */
	int chainPending() {
		return this.chainer.chainPending();
	}

}
