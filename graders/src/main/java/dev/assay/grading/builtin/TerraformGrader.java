package dev.assay.grading.builtin;

import dev.assay.grading.CheckResult;
import dev.assay.grading.Evidence;
import dev.assay.grading.FileResult;
import dev.assay.grading.LabView;
import dev.assay.grading.hcl.HclException;
import dev.assay.grading.terraform.Module;
import dev.assay.grading.terraform.ModuleLoader;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Terraform module's directory through the archive API and sees it as Terraform would plan it, without
 * running Terraform ({@link ModuleLoader}: the files Terraform reads, overrides merged, variable values from the
 * module's own files, count, for_each and dynamic blocks expanded, values evaluated where the files decide them),
 * then checks the rules a check asks for: resources with required attributes and references, forbidden settings,
 * security group ingress, typed variables, tags, and no hard-coded secrets. A value it cannot read never makes a
 * rule hold. All rules held pass; some held earn that share.
 */
public final class TerraformGrader extends BuiltinGrader {
    /** A module's files, summed; a directory holding more (provider plugins, say) is refused. */
    static final long MAX_BYTES = 8L << 20;

    public TerraformGrader() {
        super(
                "terraform",
                "2",
                "rules on a Terraform module as Terraform would plan it: resources and attributes, forbidden settings,"
                        + " security group ingress, variables, tags, secrets",
                TerraformParameters.SPEC);
    }

    @Override
    public CheckResult grade(LabView lab, Map<String, Object> parameters) {
        String path = Text.string(parameters, "path", "");
        CheckResult.Builder check = CheckResult.builder(true).observe("module", path);
        Map<String, byte[]> files = files(lab, path, check);
        if (files == null) {
            return check.build();
        }
        try {
            Module module = ModuleLoader.load(files, !path.endsWith(".tf"));
            module.notes().forEach(note -> check.observe("files", note));
            if (module.refusal() != null) {
                check.observe("Terraform would not load it", module.refusal());
            }
            Map<String, String> results = new TerraformRules(module).apply(parameters);
            return Rules.verdict(check, results, parameters);
        } catch (HclException e) {
            return check.expect(false, "the module does not parse: " + e.getMessage())
                    .build();
        } catch (RuntimeException | StackOverflowError e) {
            // Candidate files this grader cannot handle fail the check (a throw would leave it ungraded).
            return check.expect(false, "this module could not be judged: " + e).build();
        }
    }

    /** The module's top-level files by name: one .tf file, or a directory's; null when there are none. */
    private static @Nullable Map<String, byte[]> files(LabView lab, String path, CheckResult.Builder check) {
        Map<String, byte[]> files = new TreeMap<>();
        if (path.endsWith(".tf")) {
            FileResult.Content content = Text.candidateFile(lab, path, check);
            if (content == null) {
                return null;
            }
            files.put(path.substring(path.lastIndexOf('/') + 1), content.bytes());
            return files;
        }
        FileResult tree = lab.readTree(path, MAX_BYTES);
        if (!(tree instanceof FileResult.Content content)) {
            check.expect(
                    false,
                    tree instanceof FileResult.Refused refused
                            ? "the module " + path + " was not read: " + refused.reason()
                            : "there is no directory " + path);
            return null;
        }
        check.evidence(new Evidence("terraform module (tar)", path, content.sha256(), content.size()));
        TarFiles.regularFiles(content.bytes()).forEach((name, bytes) -> {
            if (!name.contains("/")) {
                files.put(name, bytes);
            }
        });
        if (files.keySet().stream().noneMatch(name -> name.endsWith(".tf") || name.endsWith(".tf.json"))) {
            check.expect(false, "there are no .tf files in " + path);
            return null;
        }
        return files;
    }
}
