package dev.stride.service.passthrough.internal;

import dev.stride.service.passthrough.Remote;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The credentials a remote is signed with: the configured keys, else the SDK's default chain. */
public final class RemoteCredentials {
    private RemoteCredentials() {}

    public static AwsCredentialsProvider of(Remote remote) {
        if (remote.accessKeyId() == null) return DefaultCredentialsProvider.builder().build();
        return StaticCredentialsProvider.create(remote.sessionToken() == null
                ? AwsBasicCredentials.create(remote.accessKeyId(), remote.secretAccessKey())
                : AwsSessionCredentials.create(remote.accessKeyId(), remote.secretAccessKey(), remote.sessionToken()));
    }
}
