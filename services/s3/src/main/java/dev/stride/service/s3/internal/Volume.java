package dev.stride.service.s3.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The folder object bodies live in:
 * <pre>
 * root/.incoming/          bodies being received (temp files; emptied on start)
 * root/&lt;bucket&gt;/&lt;id&gt;        one file per object body, named by a random id
 * root/.uploads/&lt;uploadId&gt;/ the parts of a multipart upload in progress
 * </pre>
 * File names are ids, never the key: a key with {@code ..}, {@code /} or an absolute path is only
 * data in the store and cannot reach outside its bucket. A body is written to {@code .incoming},
 * moved into place atomically, and only then named by a store record, so a crash (kill -9) at any
 * point leaves either the old object or the new one visible, never a half-written one; the
 * worst it leaves is an unnamed file, which {@link #sweep} deletes on the next start.
 */
public final class Volume {
    private static final String INCOMING = ".incoming";
    private static final String UPLOADS = ".uploads";
    private final Path root;

    public Volume(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root.resolve(INCOMING));
            Files.createDirectories(root.resolve(UPLOADS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the S3 folder " + root, e);
        }
    }

    public Path root() { return root; }

    /** A new, empty temp file to receive a body into. */
    Path incoming() throws IOException {
        return Files.createFile(root.resolve(INCOMING).resolve(newId()));
    }

    /** Moves a received body into its bucket's folder; returns its new file name. */
    String adopt(Path temp, String bucket) throws IOException {
        return moveInto(temp, root.resolve(bucket));
    }

    /** Moves a received part into its upload's folder; returns its file name there. */
    String adoptPart(Path temp, String uploadId) throws IOException {
        return moveInto(temp, root.resolve(UPLOADS).resolve(uploadId));
    }

    private static String moveInto(Path temp, Path dir) throws IOException {
        Files.createDirectories(dir);
        String id = newId();
        Files.move(temp, dir.resolve(id), StandardCopyOption.ATOMIC_MOVE);
        return id;
    }

    Path body(String bucket, String file) { return root.resolve(bucket).resolve(file); }

    Path part(String uploadId, String file) { return root.resolve(UPLOADS).resolve(uploadId).resolve(file); }

    /** The body from offset {@code from}, at most {@code length} bytes. */
    InputStream open(String bucket, String file, long from, long length) throws IOException {
        SeekableByteChannel ch = Files.newByteChannel(body(bucket, file), StandardOpenOption.READ);
        ch.position(from);
        return new Bounded(Channels.newInputStream(ch), length);
    }

    void createBucket(String bucket) throws IOException {
        try {
            Files.createDirectories(root.resolve(bucket));
        } catch (FileAlreadyExistsException e) {
            // a file of that name: not ours to delete
            throw new IOException("cannot create bucket folder " + root.resolve(bucket), e);
        }
    }

    void deleteBucket(String bucket) { deleteTree(root.resolve(bucket)); }

    void deleteUpload(String uploadId) { deleteTree(root.resolve(UPLOADS).resolve(uploadId)); }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // an orphan at worst; the next start's sweep removes it
        }
    }

    /**
     * Deletes what no record names: temp files of bodies being received, object files and upload
     * folders a crash left between moving a file and committing (or deleting) its record.
     */
    void sweep(Set<String> bucketFiles, Set<String> uploadIds, Set<String> partFiles) {
        deleteChildren(root.resolve(INCOMING), p -> true);
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.toList()) {
                String name = dir.getFileName().toString();
                if (name.startsWith(".") || !Files.isDirectory(dir)) continue;
                deleteChildren(dir, p -> !bucketFiles.contains(name + "/" + p.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> dirs = Files.list(root.resolve(UPLOADS))) {
            for (Path dir : dirs.toList()) {
                String id = dir.getFileName().toString();
                if (!uploadIds.contains(id)) deleteTree(dir);
                else deleteChildren(dir, p -> !partFiles.contains(id + "/" + p.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the whole folder (the in-memory server's temp folder on close). */
    public void deleteAll() { deleteTree(root); }

    private static void deleteChildren(Path dir, Predicate<Path> which) {
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).filter(which).forEach(Volume::deleteQuietly);
        } catch (NoSuchFileException e) {
            // nothing to sweep
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(Volume::deleteQuietly);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String newId() {
        byte[] b = new byte[16];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** At most {@code limit} bytes of a stream. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private long left;

        Bounded(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) return -1;
            int b = in.read();
            if (b >= 0) left--;
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (left <= 0) return -1;
            int n = in.read(buf, off, (int) Math.min(len, left));
            if (n > 0) left -= n;
            return n;
        }

        @Override
        public void close() throws IOException { in.close(); }
    }
}
