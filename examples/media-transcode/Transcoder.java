package dev.stride.examples.mediatranscode;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What each media-transcode job runs: downloads one image from S3, converts it to a thumbnail
 * 160 pixels wide, and uploads it under {@code thumbnails/}. With {@code ffmpeg} on the PATH the
 * conversion is ffmpeg's; otherwise the JDK's own image code does it, so the example needs
 * nothing but Java. It reaches S3 the way any job's program reaches Stride: the AWS SDK with the
 * endpoint, region and keys the job's environment carries ({@code AWS_ENDPOINT_URL}, ...).
 *
 * <p>{@code java -cp CLASSPATH dev.stride.examples.mediatranscode.Transcoder BUCKET KEY}
 */
public final class Transcoder {
    static final int WIDTH = 160;

    private Transcoder() {}

    public static void main(String[] args) throws Exception {
        String bucket = args[0];
        String key = args[1];
        String name = key.substring(key.lastIndexOf('/') + 1);
        String target = "thumbnails/" + name.replaceAll("\\.[^.]*$", "") + ".png";
        try (S3Client s3 = S3Client.builder().endpointOverride(URI.create(System.getenv("AWS_ENDPOINT_URL"))).forcePathStyle(true)
                .region(Region.of(System.getenv("AWS_REGION"))).credentialsProvider(EnvironmentVariableCredentialsProvider.create()).build()) {
            byte[] original = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
            System.out.println("read s3://" + bucket + "/" + key + " (" + original.length + " bytes)");
            boolean ffmpeg = onPath("ffmpeg");
            byte[] thumbnail = ffmpeg ? withFfmpeg(original) : withJdk(original);
            s3.putObject(b -> b.bucket(bucket).key(target).contentType("image/png"), RequestBody.fromBytes(thumbnail));
            System.out.println("wrote s3://" + bucket + "/" + target + " (" + thumbnail.length + " bytes, " + WIDTH + " px wide, by "
                    + (ffmpeg ? "ffmpeg" : "the JDK") + ")");
        }
    }

    static byte[] withJdk(byte[] original) throws IOException {
        BufferedImage in = ImageIO.read(new ByteArrayInputStream(original));
        if (in == null) throw new IOException("not an image this JDK can read");
        int height = Math.max(1, in.getHeight() * WIDTH / in.getWidth());
        BufferedImage out = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.drawImage(in, 0, 0, WIDTH, height, null);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(out, "png", bytes);
        return bytes.toByteArray();
    }

    static byte[] withFfmpeg(byte[] original) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(Path.of("."), "ffmpeg");
        Path in = Files.write(dir.resolve("in"), original);
        Path out = dir.resolve("out.png");
        Process p = new ProcessBuilder("ffmpeg", "-loglevel", "error", "-y", "-i", in.toString(), "-vf", "scale=" + WIDTH + ":-1", out.toString())
                .inheritIO().start();
        if (p.waitFor() != 0) throw new IOException("ffmpeg exited " + p.exitValue());
        return Files.readAllBytes(out);
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) return true;
        }
        return false;
    }
}
