package dev.stride.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ActivityDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ActivityListItem;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.Tag;
import software.amazon.awssdk.services.sfn.model.TooManyTagsException;

class ResourceApiTest extends ApiFixture {

    @Test
    void tagsCanBeAddedListedAndRemovedOnAStateMachine() {
        String sm = sfn.createStateMachine(b -> b.name("res-tags").definition(HELLO).roleArn(ROLE)
                .tags(Tag.builder().key("team").value("core").build())).stateMachineArn();

        sfn.tagResource(b -> b.resourceArn(sm).tags(Tag.builder().key("env").value("dev").build()));
        sfn.untagResource(b -> b.resourceArn(sm).tagKeys("team"));

        assertThat(sfn.listTagsForResource(b -> b.resourceArn(sm)).tags())
                .containsExactly(Tag.builder().key("env").value("dev").build());
    }

    @Test
    void taggingAMissingResourceIsResourceNotFoundAndTooManyTagsIsRejected() {
        assertThatThrownBy(() -> sfn.listTagsForResource(b -> b.resourceArn(ACCOUNT_PREFIX + "stateMachine:ghost")))
                .isInstanceOf(ResourceNotFoundException.class);
        String sm = createMachine("res-many-tags", HELLO);
        Tag[] tags = new Tag[51];
        for (int i = 0; i < tags.length; i++) tags[i] = Tag.builder().key("k" + i).value("v").build();

        assertThatThrownBy(() -> sfn.tagResource(b -> b.resourceArn(sm).tags(tags))).isInstanceOf(TooManyTagsException.class);
    }

    @Test
    void anActivityCanBeCreatedDescribedListedAndDeleted() {
        var created = sfn.createActivity(b -> b.name("res-activity"));
        var again = sfn.createActivity(b -> b.name("res-activity"));

        var described = sfn.describeActivity(b -> b.activityArn(created.activityArn()));

        assertThat(created.activityArn()).isEqualTo(ACCOUNT_PREFIX + "activity:res-activity");
        assertThat(again.activityArn()).isEqualTo(created.activityArn());
        assertThat(described.name()).isEqualTo("res-activity");
        assertThat(described.creationDate()).isEqualTo(created.creationDate());
        assertThat(sfn.listActivities(b -> {}).activities()).extracting(ActivityListItem::name).contains("res-activity");

        sfn.deleteActivity(b -> b.activityArn(created.activityArn()));

        assertThatThrownBy(() -> sfn.describeActivity(b -> b.activityArn(created.activityArn())))
                .isInstanceOf(ActivityDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.describeActivity(b -> b.activityArn(ACCOUNT_PREFIX + "stateMachine:x")))
                .isInstanceOf(InvalidArnException.class);
    }
}
