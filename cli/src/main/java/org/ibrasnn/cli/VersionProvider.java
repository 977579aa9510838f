package org.ibrasnn.cli;

import org.ibrasnn.experiments.provenance.BuildInfo;
import picocli.CommandLine;

/** {@code ibra --version}: the versions of this build. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return BuildInfo.current().versionLines().toArray(String[]::new);
    }
}
