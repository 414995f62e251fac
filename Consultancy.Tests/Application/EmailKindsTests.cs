using Consultancy.Application.Domain;
using Consultancy.Application.Outbox;
using Consultancy.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Consultancy.Tests.Application;

public sealed class EmailKindsTests
{
    [Fact]
    public async Task Every_outbox_kind_has_exactly_one_email_class_and_every_email_class_is_registered()
    {
        await using var app = await ApplicationHarness.StartAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var registered = scope.ServiceProvider.GetServices<OutboxEmail>().ToList();

        foreach (var kind in Enum.GetValues<OutboxKind>())
        {
            var classes = registered.Where(email => email.Kind == kind).Select(email => email.GetType().Name).ToList();
            Assert.True(classes.Count == 1, $"{kind} has {classes.Count} email classes: [{string.Join(", ", classes)}]; add one class deriving from OutboxEmail.");
        }
        var declared = typeof(OutboxEmail).Assembly.GetTypes().Where(type => !type.IsAbstract && type.IsSubclassOf(typeof(OutboxEmail)));
        Assert.Equal(declared.OrderBy(type => type.Name), registered.Select(email => email.GetType()).OrderBy(type => type.Name));
        var kinds = scope.ServiceProvider.GetRequiredService<EmailKinds>();
        Assert.All(Enum.GetValues<OutboxKind>(), kind => Assert.Equal(kind, kinds[kind].Kind));
    }
}
