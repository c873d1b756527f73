using FutureSim.Core.Articles;
using FutureSim.Core.Runs;

namespace FutureSim.Viewer.Articles;

/// <summary>Opens the corpus a run's manifest names (its files and visibility policy), as the run itself did.</summary>
public delegate Task<ITimeGatedCorpus> CorpusSource(RunManifest manifest, CancellationToken cancellationToken);
