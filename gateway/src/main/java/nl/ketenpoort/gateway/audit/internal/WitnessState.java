package nl.ketenpoort.gateway.audit.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Optional;

import nl.ketenpoort.keys.Digests;
import nl.ketenpoort.keys.Ed25519Keys;

/**
 * A witness's memory, in one directory: per log origin the size and root it last
 * co-signed (a file named by the hex SHA-256 of the origin, holding
 * {@code <origin>\n<size>\n<base64 root>\n}), and the witness's own Ed25519 key,
 * generated at first run ({@value #KEY_FILE}, PKCS#8). Every file is written to a
 * temporary file and moved into place atomically: a crash leaves the old state or the new
 * one, never half of either.
 * <p>
 * The key file is the witness's identity: it is readable by its owner alone where the
 * file system has POSIX permissions, and belongs in no repository or backup that others
 * read.
 */
public final class WitnessState {

	static final String KEY_FILE = "witness-key.p8";

	private static final String OWNER_ONLY = "rw-------";

	private final Path directory;

	private WitnessState(Path directory) {
		this.directory = directory;
	}

	/**
	 * The last co-signed checkpoint of one log.
	 *
	 * @param size its tree size
	 * @param root its root hash
	 */
	public record Latest(long size, byte[] root) {
	}

	/** The state in {@code directory}, created when missing. */
	public static WitnessState open(Path directory) {
		try {
			if (!Files.isDirectory(directory)) {
				Files.createDirectories(directory, posix(directory) ? ownerOnlyDirectory() : new FileAttribute<?>[0]);
			}
		}
		catch (IOException ex) {
			throw new WitnessStateUnusable(directory, ex);
		}
		return new WitnessState(directory);
	}

	/** The checkpoint last co-signed for {@code origin}, if any. */
	public Optional<Latest> latest(String origin) {
		Path file = file(origin);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			SignedNote.Checkpoint stored = SignedNote.Checkpoint.parse(Files.readString(file, StandardCharsets.UTF_8));
			if (!stored.origin().equals(origin)) {
				throw new WitnessStateUnusable(file, "it holds the state of another origin");
			}
			return Optional.of(new Latest(stored.size(), stored.root()));
		}
		catch (IOException ex) {
			throw new WitnessStateUnusable(file, ex);
		}
		catch (SignedNote.Malformed ex) {
			throw new WitnessStateUnusable(file, "it is no checkpoint: " + ex.getMessage());
		}
	}

	/**
	 * Records {@code latest} as the last co-signed checkpoint of {@code origin}, on disk
	 * (synced) when this returns.
	 */
	public void record(String origin, Latest latest) {
		String text = new SignedNote.Checkpoint(origin, latest.size(), latest.root()).text();
		write(file(origin), text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The witness's Ed25519 key pair: read from {@value #KEY_FILE}, or generated and
	 * written there at first run.
	 */
	public KeyPair key() {
		Path file = this.directory.resolve(KEY_FILE);
		try {
			if (!Files.isRegularFile(file)) {
				KeyPair generated = Ed25519Keys.generate();
				try {
					writeNew(file, generated.getPrivate().getEncoded());
					return generated;
				}
				catch (FileAlreadyExistsException ex) {
					// another witness process on this directory made one first: use that
				}
			}
			PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
				.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(file)));
			return Ed25519Keys.pairOf(privateKey);
		}
		catch (IOException ex) {
			throw new WitnessStateUnusable(file, ex);
		}
		catch (Ed25519Keys.NotEd25519 ex) {
			throw new WitnessStateUnusable(file, "its key: " + ex.getMessage());
		}
		catch (GeneralSecurityException | ClassCastException ex) {
			throw new WitnessStateUnusable(file, "it holds no Ed25519 private key (PKCS#8)");
		}
	}

	/** The file of an origin's state: its hex SHA-256, so that any origin is a name. */
	Path file(String origin) {
		return this.directory.resolve(Digests.sha256Hex(origin));
	}

	/** Writes {@code bytes} to a temporary file beside {@code file}, then moves it. */
	private void write(Path file, byte[] bytes) {
		try {
			Path temporary = temporary(file, bytes);
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			syncDirectory();
		}
		catch (IOException ex) {
			throw new WitnessStateUnusable(file, ex);
		}
	}

	/** Like {@link #write}, but fails when {@code file} exists. */
	private void writeNew(Path file, byte[] bytes) throws IOException {
		Path temporary = temporary(file, bytes);
		try {
			// a hard link would not replace an existing key; a move would
			Files.createLink(file, temporary);
		}
		catch (UnsupportedOperationException ex) {
			if (Files.exists(file)) {
				throw new FileAlreadyExistsException(file.toString());
			}
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
		syncDirectory();
	}

	private Path temporary(Path file, byte[] bytes) throws IOException {
		Path temporary = posix(this.directory)
				? Files.createTempFile(this.directory, file.getFileName() + ".", ".tmp",
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(OWNER_ONLY)))
				: Files.createTempFile(this.directory, file.getFileName() + ".", ".tmp");
		try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
			ByteBuffer buffer = ByteBuffer.wrap(bytes);
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
			channel.force(true);
		}
		return temporary;
	}

	/** Makes the move itself durable, where the platform can open a directory. */
	private void syncDirectory() {
		try (FileChannel channel = FileChannel.open(this.directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// Windows cannot open a directory; its moves are durable on their own
		}
	}

	private static boolean posix(Path path) {
		return path.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

	private static FileAttribute<?>[] ownerOnlyDirectory() {
		return new FileAttribute<?>[] {
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")) };
	}

	/** The state directory or one of its files cannot be read or written. */
	public static final class WitnessStateUnusable extends RuntimeException {

		WitnessStateUnusable(Path file, IOException cause) {
			super("the witness state " + file + " cannot be read or written: " + cause.getMessage(), cause);
		}

		WitnessStateUnusable(Path file, String reason) {
			super("the witness state " + file + " is unusable: " + reason);
		}

	}

}
