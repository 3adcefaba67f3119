package io.bouncedesk.ui.bounces;

import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;
import io.bouncedesk.domain.Permission;
import io.bouncedesk.domain.User;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.DialogService;
import io.bouncedesk.ui.common.Messages;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * What a bounce row offers, for any screen that shows bounces: the original-message viewer and
 * the Reclassify dialog, each built with its view model. Built once per signed-in user by the
 * composition root and handed to the screens.
 */
public final class BounceActions {

    private final User user;
    private final LongFunction<Optional<byte[]>> originals;
    private final Reclassifier reclassifier;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Messages messages;
    private final Supplier<Window> owner;

    public BounceActions(User user, LongFunction<Optional<byte[]>> originals, Reclassifier reclassifier,
                         BackgroundTasks tasks, DialogService dialogs, Messages messages, Supplier<Window> owner) {
        this.user = user;
        this.originals = originals;
        this.reclassifier = reclassifier;
        this.tasks = tasks;
        this.messages = messages;
        this.dialogs = dialogs;
        this.owner = owner;
    }

    /** Marketing email and Super admin (section 11). */
    public boolean canReclassify() {
        return user.may(Permission.RECLASSIFY);
    }

    public Stage showOriginal(long bounceId, String subtitle) {
        return OriginalMessageDialog.show(owner.get(), new OriginalMessageViewModel(bounceId, originals, tasks, messages),
                dialogs, messages, subtitle);
    }

    /** Opens the Reclassify dialog; {@code onDone} runs after the service accepted the change. */
    public Stage reclassify(long bounceId, BounceReason reason, BounceType type, String subtitle, Runnable onDone) {
        Stage[] stage = new Stage[1];
        ReclassifyViewModel vm = new ReclassifyViewModel(user, bounceId, reason, type, reclassifier, tasks, messages,
                row -> {
                    stage[0].close();
                    onDone.run();
                });
        stage[0] = ReclassifyDialog.show(owner.get(), vm, messages, subtitle);
        return stage[0];
    }
}
