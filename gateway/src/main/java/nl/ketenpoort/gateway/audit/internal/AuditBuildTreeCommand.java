package nl.ketenpoort.gateway.audit.internal;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import nl.ketenpoort.gateway.Command;
import nl.ketenpoort.gateway.CommandProgress;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code java -jar ketenpoort-gateway.jar audit build-tree}: builds the audit tree (RFC
 * 9162) over the chained events it does not cover yet, once, for a chain that grew
 * without one (events of a gateway before the tree, or loaded in bulk). A running
 * gateway's chainer would catch up too, {@value AuditTreeNodes#CATCH_UP} leaves per
 * batch; this does it now, batch by batch under the chain lock, so appends go on.
 */
@Component
@picocli.CommandLine.Command(name = "build-tree",
		description = { "Builds the audit tree over the chained events it does not cover yet, batch by batch.",
				"Safe beside a running gateway; prints how many leaves it added and how long it took." })
public class AuditBuildTreeCommand implements Command {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	@Spec
	CommandSpec spec;

	public AuditBuildTreeCommand(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Override
	public String group() {
		return "audit";
	}

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		long head = this.jdbc.sql("SELECT coalesce(max(position), 0) FROM audit_event").query(Long.class).single();
		long before = AuditTreeNodes.size(this.jdbc);
		AtomicLong added = new AtomicLong();
		long started = System.nanoTime();
		try (CommandProgress progress = CommandProgress.start(this.spec.commandLine().getErr(), "Added", added::get,
				Math.max(0, head - before))) {
			int batch;
			do {
				Integer leaves = this.transactions.execute((status) -> {
					this.jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(AuditChainer.CHAIN_LOCK).query().singleRow();
					return AuditTreeNodes.extend(this.jdbc, AuditTreeNodes.CATCH_UP);
				});
				batch = (leaves != null) ? leaves : 0;
				added.addAndGet(batch);
			}
			while (batch > 0);
		}
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		long size = AuditTreeNodes.size(this.jdbc);
		out.println("Added " + added.get() + " leaves to the audit tree in " + took.toMillis() / 1000.0
				+ " s; it covers " + size + " of " + head + " chained events.");
		if (size < head) {
			out.println("The rest lies after a range retention pruned before the tree reached it.");
		}
		return OK;
	}

}
