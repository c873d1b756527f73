using FutureSim.Core.Forecasts;

namespace FutureSim.Core.Simulation;

/// <summary>An agent's current forecast on a question and the day it was submitted.</summary>
public sealed record HeldForecast(Forecast Forecast, DateOnly SubmittedOn);
