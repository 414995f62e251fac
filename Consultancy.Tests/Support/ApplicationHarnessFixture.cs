namespace Consultancy.Tests.Support;

/// <summary>One <see cref="ApplicationHarness"/> for all the tests of a class, for tests whose requests are refused before they write.</summary>
public sealed class ApplicationHarnessFixture : IAsyncLifetime
{
    public ApplicationHarness App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await ApplicationHarness.StartAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}
