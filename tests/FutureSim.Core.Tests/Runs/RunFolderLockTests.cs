using System.Diagnostics;
using System.Text.Json;
using FutureSim.Core.Runs;
using FutureSim.TestKit;

namespace FutureSim.Core.Tests.Runs;

public sealed class RunFolderLockTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("futuresim-lock-").FullName;

    [Fact]
    public void ASecondWriterIsRefusedWithTheOwnersProcessAndHostUntilTheFirstLetsGo()
    {
        using (RunFolderLock.Acquire(folder, "run"))
        {
            var busy = Assert.Throws<RunFolderBusyException>(() => RunFolderLock.Acquire(folder, "score"));
            Assert.Contains($"process {Environment.ProcessId}", busy.Message);
            Assert.Contains(Environment.MachineName, busy.Message);
            Assert.Contains("futuresim run", busy.Message);
        }

        using (RunFolderLock.Acquire(folder, "score"))
        {
        }
    }

    [Fact]
    public void ALockLeftByAProcessThatIsGoneIsTakenOver()
    {
        using var gone = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        gone.WaitForExit();
        File.WriteAllText(Path.Combine(folder, RunFolderLock.FileName), JsonSerializer.Serialize(new
        {
            pid = gone.Id,
            host = Environment.MachineName,
            process_started = "2020-01-01T00:00:00Z",
            command = "run",
        }));

        using (RunFolderLock.Acquire(folder, "run --resume"))
        {
            Assert.Contains($"\"pid\":{Environment.ProcessId}", File.ReadAllText(Path.Combine(folder, RunFolderLock.FileName)));
        }
    }

    [Fact]
    public void ALockHeldFromAnotherHostIsNeverTakenOver()
    {
        File.WriteAllText(Path.Combine(folder, RunFolderLock.FileName), JsonSerializer.Serialize(new
        {
            pid = 1,
            host = "another-host",
            process_started = "2020-01-01T00:00:00Z",
            command = "run",
        }));

        var busy = Assert.Throws<RunFolderBusyException>(() => RunFolderLock.Acquire(folder, "run --resume"));
        Assert.Contains("another-host", busy.Message);
        Assert.Contains("delete", busy.Message);
    }

    [Fact]
    public void CreatingARunFolderIsAllOrNothingSoAnInterruptedCreationNeverBlocksARetry()
    {
        var root = Path.Combine(folder, "runs", "r1");
        var manifest = TestKit.TestData.Manifest("r1", "2025-01-01", "2025-01-02");
        IEnumerable<Core.Questions.Question> Interrupted()
        {
            yield return TestKit.TestData.Binary("q1", "2025-01-01", "2025-01-05", yes: true);
            throw new IOException("killed while writing questions.jsonl");
        }

        Assert.Throws<IOException>(() => { RunFolder.Create(root, manifest, Interrupted()); });
        Assert.False(Directory.Exists(root));

        var created = RunFolder.Create(root, manifest, [TestKit.TestData.Binary("q1", "2025-01-01", "2025-01-05", yes: true)]);
        Assert.Equal(RunStatus.Running, created.ReadManifest().Status);
        Assert.Equal(["r1"], Directory.GetDirectories(Path.Combine(folder, "runs")).Select(Path.GetFileName));
    }

    [Fact]
    public void ARunFolderThatExistsIsNeverOverwritten()
    {
        var root = Path.Combine(folder, "runs", "r1");
        RunFolder.Create(root, TestKit.TestData.Manifest("r1", "2025-01-01", "2025-01-02"), []);
        var before = File.ReadAllBytes(Path.Combine(root, RunFolderLayout.Manifest));

        Assert.Throws<RunFolderExistsException>(() => RunFolder.Create(root, TestKit.TestData.Manifest("r1", "2025-01-01", "2025-01-09"), []));
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(root, RunFolderLayout.Manifest)));
    }

    [Fact]
    public void AnEmptyFolderMadeForTheRunIsTakenAsAbsentButAFolderWithAnythingInItIsNot()
    {
        var root = Path.Combine(folder, "runs", "r1");
        Directory.CreateDirectory(root);

        Assert.Equal(RunStatus.Running, RunFolder.Create(root, TestKit.TestData.Manifest("r1", "2025-01-01", "2025-01-02"), []).ReadManifest().Status);

        var other = Path.Combine(folder, "runs", "r2");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "notes.txt"), "mine");
        Assert.Throws<RunFolderExistsException>(() => RunFolder.Create(other, TestKit.TestData.Manifest("r2", "2025-01-01", "2025-01-02"), []));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(other, "notes.txt")));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
