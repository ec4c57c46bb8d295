package nl.ketenpoort.gateway.audit.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the audit log.
 *
 * @param checkpointEvery sign a checkpoint after this many new events
 * @param checkpointInterval and at least this often while events arrive
 * @param keyEncryptionKey base64 AES-256 key that encrypts the checkpoint signing key at
 * rest
 * @param verifyBatchSize rows read per round trip while verifying
 * @param chainBatchSize staged events the chainer links per transaction at most
 * @param chainInterval how often the chainer looks for staged events that no local commit
 * announced (those of other nodes, or of a node that died)
 * @param origin the audit log's name in its signed-note checkpoints (C2SP
 * tlog-checkpoint): a schema-less URL of this deployment, unique among logs, such as
 * {@code ketenpoort.example-gemeente.nl/audit}; it is also the checkpoint key's name
 */
@ConfigurationProperties("ketenpoort.audit")
public record AuditSettings(@DefaultValue("1000") int checkpointEvery, @DefaultValue("60s") Duration checkpointInterval,
		String keyEncryptionKey, @DefaultValue("5000") int verifyBatchSize, @DefaultValue("500") int chainBatchSize,
		@DefaultValue("100ms") Duration chainInterval, @DefaultValue("ketenpoort.localhost/audit") String origin) {

}
