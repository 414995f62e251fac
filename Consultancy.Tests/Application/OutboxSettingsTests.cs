using Consultancy.Application.Common.Settings;
using Consultancy.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Consultancy.Tests.Application;

public sealed class OutboxSettingsTests
{
    [Fact]
    public async Task Outbox_settings_come_from_the_outbox_section_and_still_from_the_keys_once_under_reminders()
    {
        await using var app = await ApplicationHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Reminders:BatchSize"] = "40",
            ["Reminders:MaxAttempts"] = "3",
            ["Outbox:MaxAttempts"] = "7",
            ["Outbox:LeaseSeconds"] = "120",
        });

        var settings = app.Services.GetRequiredService<IOptions<OutboxSettings>>().Value;

        Assert.Equal((40, 7, 120, 25), (settings.BatchSize, settings.MaxAttempts, settings.LeaseSeconds, settings.RecordGroupSize));
    }
}
