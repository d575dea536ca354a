package dev.stride.service.s3.internal;

import java.util.regex.Pattern;

/** S3's rules for general purpose bucket names (InvalidBucketName otherwise). */
final class BucketNames {
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");

    private BucketNames() {}

    static void check(String name) {
        if (!valid(name)) throw S3Errors.invalidBucketName(name);
    }

    static boolean valid(String name) {
        return name != null && SHAPE.matcher(name).matches() && !name.contains("..") && !name.contains(".-") && !name.contains("-.")
                && !IP.matcher(name).matches() && !name.startsWith("xn--") && !name.startsWith("sthree-")
                && !name.endsWith("-s3alias") && !name.endsWith("--ol-s3");
    }
}
