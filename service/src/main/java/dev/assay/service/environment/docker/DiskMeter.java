package dev.assay.service.environment.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import dev.assay.service.environment.DiskUse;
import dev.assay.service.environment.EnvironmentHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sizes the writable layer of every running lab container of one installation with one engine call (the list
 * with sizes: the engine walks each container's own upper directory, nothing else of the host). Overlay2 on ext4
 * has no per-container quota, so this measurement is how a lab's declared disk is held.
 */
final class DiskMeter {
    private DiskMeter() {}

    static List<DiskUse> measure(DockerClient api, String instance) {
        List<Container> running = api.listContainersCmd()
                .withShowSize(true)
                .withStatusFilter(List.of("running"))
                .withLabelFilter(List.of(
                        ContainerSpecs.MANAGED + "=true",
                        ContainerSpecs.INSTANCE + "=" + instance,
                        ContainerSpecs.DISK))
                .exec();
        List<DiskUse> uses = new ArrayList<>();
        for (Container container : running) {
            Map<String, String> labels = container.getLabels() == null ? Map.of() : container.getLabels();
            long limit;
            try {
                limit = Long.parseLong(labels.getOrDefault(ContainerSpecs.DISK, ""));
            } catch (NumberFormatException e) {
                continue; // not one of ours as we label them
            }
            Long written = container.getSizeRw();
            uses.add(new DiskUse(
                    new EnvironmentHandle(
                            DockerEnvironmentDriver.KIND,
                            container.getId(),
                            labels.getOrDefault(ContainerSpecs.SESSION, "")),
                    written == null ? 0 : written,
                    limit));
        }
        return uses;
    }

    /** Kills the container's init, and so every process in it; the stopped container keeps its files. */
    static EnvironmentHandle halt(DockerClient api, EnvironmentHandle handle) {
        try {
            api.killContainerCmd(handle.externalId()).exec();
        } catch (NotFoundException | ConflictException stopped) {
            // gone, or not running: nothing writes any more
        }
        return handle;
    }
}
