package dev.stride.service.s3.internal;

/** The one owner of every bucket and object here (S3 lists an owner; a local server has one user). */
final class Owner {
    static final String ID = "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a";
    static final String NAME = "stride";

    private Owner() {}
}
