package nl.ketenpoort.keys;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens the {@link KeyRing} of a purpose on the application's database
 * ({@code signing_key}, migrations in {@code classpath:db/migration/keys}).
 */
public final class KeyRings {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	public KeyRings(DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = JdbcClient.create(dataSource);
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * The keys of this purpose, their private parts sealed under this key-encryption key.
	 * @param purpose what the keys sign
	 * @param keyEncryptionKey 32 bytes (AES-256)
	 * @return the purpose's key ring
	 */
	public KeyRing ring(KeyPurpose purpose, byte[] keyEncryptionKey) {
		return new KeyRing(purpose, new KeySealing(keyEncryptionKey), this.jdbc, this.transactions, this.clock);
	}

	/**
	 * The Ed25519 keys of this purpose, for signed notes, their private parts sealed
	 * under this key-encryption key.
	 * @param purpose what the keys sign
	 * @param keyEncryptionKey 32 bytes (AES-256)
	 * @return the purpose's note key ring
	 */
	public NoteKeyRing noteRing(KeyPurpose purpose, byte[] keyEncryptionKey) {
		return new NoteKeyRing(purpose, new KeySealing(keyEncryptionKey), this.jdbc, this.transactions, this.clock);
	}

}
