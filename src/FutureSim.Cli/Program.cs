using FutureSim.Cli;

return await CliApp.RunAsync(args);
