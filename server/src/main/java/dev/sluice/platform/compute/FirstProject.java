package dev.sluice.platform.compute;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.sluice.account.FirstStartContribution;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.ProjectDraft;
import dev.sluice.platform.project.ProjectMode;
import dev.sluice.platform.project.Projects;

/**
 * On the very first start, the first tenant gets the compute source Sluice manages ({@link ManagedCompute}) and a first
 * project bound to it, owned (and administered) by the first user, so SQL runs right after {@code ./sluice start}.
 */
@Component
class FirstProject implements FirstStartContribution {

    static final String NAME = "first_project";
    private static final Logger log = LoggerFactory.getLogger(FirstProject.class);

    private final ManagedCompute managed;
    private final Projects projects;
    private final TransactionTemplate savepoint;

    FirstProject(ManagedCompute managed, Projects projects, PlatformTransactionManager transactions) {
        this.managed = managed;
        this.projects = projects;
        // The compute source is a nicety: its failure rolls back to here and the project is made without it.
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public List<String> onFirstStart(FirstAccount first) {
        Optional<Long> compute;
        try {
            compute = savepoint.execute(tx -> managed.ensure(first.tenantId(), first.userId()));
        } catch (RuntimeException e) {
            log.warn("No managed compute source for tenant {}: {}", first.tenantId(), e.toString());
            compute = Optional.empty();
        }
        Project project = projects.create(new ProjectDraft(first.tenantId(), NAME, "First project",
                "Made on the first start" + (compute.isPresent() ? ", on the compute source Sluice manages" : ""), ProjectMode.BASIC,
                null, null, null, first.userId(), null, compute.orElse(null), null, null));
        List<String> lines = new ArrayList<>();
        lines.add("ProjectId: " + project.id());
        if (compute.isEmpty()) {
            lines.add("(No managed compute source could be made, see the log; bind one of your own to run SQL in project " + project.id() + ".)");
            return lines;
        }
        lines.add(FirstRunExample.render(first, project.id()));
        return lines;
    }
}
