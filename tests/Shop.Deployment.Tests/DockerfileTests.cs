using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Shop.Deployment.Tests;

/// <summary>
/// The Dockerfiles restore from project files copied before the sources (so a source change keeps the restored
/// layer); a project the app references but the restore layer lacks breaks the image build.
/// </summary>
public sealed partial class DockerfileTests
{
    [Theory]
    [InlineData("silo/Shop.Silo/Dockerfile", "silo/Shop.Silo/Shop.Silo.csproj")]
    [InlineData("api/Shop.Api/Dockerfile", "api/Shop.Api/Shop.Api.csproj")]
    [InlineData("tools/KafkaMockCluster/Dockerfile", "tools/KafkaMockCluster/KafkaMockCluster.csproj")]
    public void The_restore_layer_copies_every_project_the_app_references(string dockerfile, string project)
    {
        var copied = CopiedProjects().Matches(File.ReadAllText(Path.Combine(RepositoryRoot.Path, dockerfile)))
            .Select(m => m.Groups["path"].Value).ToHashSet(StringComparer.Ordinal);

        var missing = ReferencedProjects(project).Where(p => !copied.Contains(p)).ToList();

        Assert.True(missing.Count == 0, $"{dockerfile} restores without: {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_api_image_starts_from_the_silos_build_stage_word_for_word_so_a_build_of_both_compiles_once()
    {
        const string Start = "FROM ${SDK_IMAGE} AS build", End = "# End of the shared build stage.";
        static string SharedStage(string dockerfile)
        {
            var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, dockerfile));
            var start = text.IndexOf(Start, StringComparison.Ordinal);
            var end = text.IndexOf(End, StringComparison.Ordinal);
            Assert.True(start >= 0 && end > start, $"{dockerfile} has no shared build stage ('{Start}' ... '{End}').");
            return text[start..end];
        }

        Assert.Equal(SharedStage("silo/Shop.Silo/Dockerfile"), SharedStage("api/Shop.Api/Dockerfile"));
    }

    /// <summary><paramref name="project"/> and every project it references, directly or not, as repository paths.</summary>
    private static IEnumerable<string> ReferencedProjects(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var path))
        {
            if (!seen.Add(path)) continue;
            var directory = Path.GetDirectoryName(Path.Combine(RepositoryRoot.Path, path))!;
            foreach (var reference in XDocument.Load(Path.Combine(RepositoryRoot.Path, path)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(directory, ((string)reference.Attribute("Include")!).Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(RepositoryRoot.Path, full).Replace('\\', '/'));
            }
        }

        return seen;
    }

    [GeneratedRegex(@"^COPY\s+(?<path>\S+\.csproj)\s", RegexOptions.Multiline)]
    private static partial Regex CopiedProjects();
}
