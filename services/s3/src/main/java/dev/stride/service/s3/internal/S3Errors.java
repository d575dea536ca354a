package dev.stride.service.s3.internal;

import java.util.Map;

/** S3's errors with AWS's codes, statuses and message texts, in one place. */
public final class S3Errors {
    private S3Errors() {}

    public static S3Error noSuchBucket(String bucket) {
        return new S3Error("NoSuchBucket", 404, "The specified bucket does not exist", Map.of("BucketName", bucket));
    }

    public static S3Error noSuchKey(String key) {
        return new S3Error("NoSuchKey", 404, "The specified key does not exist.", Map.of("Key", key));
    }

    static S3Error noSuchUpload(String uploadId) {
        return new S3Error("NoSuchUpload", 404, "The specified upload does not exist. The upload ID may be invalid, "
                + "or the upload may have been aborted or completed.", Map.of("UploadId", uploadId));
    }

    static S3Error bucketAlreadyOwnedByYou(String bucket) {
        return new S3Error("BucketAlreadyOwnedByYou", 409, "Your previous request to create the named bucket succeeded and you already own it.",
                Map.of("BucketName", bucket));
    }

    static S3Error bucketNotEmpty(String bucket) {
        return new S3Error("BucketNotEmpty", 409, "The bucket you tried to delete is not empty", Map.of("BucketName", bucket));
    }

    static S3Error invalidBucketName(String bucket) {
        return new S3Error("InvalidBucketName", 400, "The specified bucket is not valid.", Map.of("BucketName", bucket));
    }

    static S3Error noSuchTagSet(String bucket) {
        return new S3Error("NoSuchTagSet", 404, "The TagSet does not exist", Map.of("BucketName", bucket));
    }

    static S3Error preconditionFailed(String condition) {
        return new S3Error("PreconditionFailed", 412, "At least one of the pre-conditions you specified did not hold",
                Map.of("Condition", condition));
    }

    static S3Error invalidRange(String range, long size) {
        return new S3Error("InvalidRange", 416, "The requested range is not satisfiable",
                Map.of("RangeRequested", range, "ActualObjectSize", Long.toString(size)));
    }

    static S3Error badDigest(String what) {
        return new S3Error("BadDigest", 400, what, Map.of());
    }

    static S3Error invalidDigest() {
        return new S3Error("InvalidDigest", 400, "The Content-MD5 you specified was invalid.", Map.of());
    }

    static S3Error sha256Mismatch(String declared, String computed) {
        return new S3Error("XAmzContentSHA256Mismatch", 400, "The provided 'x-amz-content-sha256' header does not match what was computed.",
                Map.of("ClientComputedContentSHA256", declared, "S3ComputedContentSHA256", computed));
    }

    static S3Error incompleteBody() {
        return new S3Error("IncompleteBody", 400, "You did not provide the number of bytes specified by the Content-Length HTTP header", Map.of());
    }

    static S3Error invalidPart() {
        return new S3Error("InvalidPart", 400, "One or more of the specified parts could not be found.  The part may not have been uploaded, "
                + "or the specified entity tag may not match the part's entity tag.", Map.of());
    }

    static S3Error invalidPartOrder() {
        return new S3Error("InvalidPartOrder", 400, "The list of parts was not in ascending order. The parts list must be specified in order by part number.", Map.of());
    }

    static S3Error entityTooSmall(long size) {
        return new S3Error("EntityTooSmall", 400, "Your proposed upload is smaller than the minimum allowed size",
                Map.of("ProposedSize", Long.toString(size), "MinSizeAllowed", Long.toString(Multipart.MIN_PART_SIZE)));
    }

    public static S3Error invalidArgument(String message, String name, String value) {
        return new S3Error("InvalidArgument", 400, message, value == null ? Map.of("ArgumentName", name) : Map.of("ArgumentName", name, "ArgumentValue", value));
    }

    public static S3Error invalidRequest(String message) {
        return new S3Error("InvalidRequest", 400, message, Map.of());
    }

    static S3Error malformedXml() {
        return new S3Error("MalformedXML", 400, "The XML you provided was not well-formed or did not validate against our published schema", Map.of());
    }

    static S3Error missingContentLength() {
        return new S3Error("MissingContentLength", 411, "You must provide the Content-Length HTTP header.", Map.of());
    }

    public static S3Error notImplemented(String what) {
        return new S3Error("NotImplemented", 501, "A header or query you provided implies functionality that is not implemented: " + what, Map.of());
    }

    public static S3Error methodNotAllowed(String method) {
        return new S3Error("MethodNotAllowed", 405, "The specified method is not allowed against this resource.",
                Map.of("Method", method, "ResourceType", "OBJECT"));
    }

    public static S3Error expired(String expires, String now) {
        return new S3Error("AccessDenied", 403, "Request has expired", Map.of("Expires", expires, "ServerTime", now));
    }

    public static S3Error accessDenied(String message) { return new S3Error("AccessDenied", 403, message, Map.of()); }

    public static S3Error keyTooLong() {
        return new S3Error("KeyTooLongError", 400, "Your key is too long", Map.of());
    }

    public static S3Error internal() {
        return new S3Error("InternalError", 500, "We encountered an internal error. Please try again.", Map.of());
    }

    public static S3Error of(String code, int status, String message) { return new S3Error(code, status, message, Map.of()); }
}
