using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Domain;

namespace Consultancy.Tests.Application;

/// <summary>An entity asked to break one of its rules refuses with the domain's own exception and the reason in words.</summary>
public sealed class DomainRuleTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 14, 0, 0, DateTimeKind.Utc);

    private static StrategyCall BookedCall() =>
        StrategyCall.Book(Client.Open("c1", ClientStage.Lead, Now, null), "c1", Now.AddDays(2), TimeSpan.FromMinutes(30), null, null,
            CallBookedBy.Staff, Now);

    [Fact]
    public void A_cancelled_call_refuses_to_move_or_be_cancelled_again_saying_why()
    {
        var call = BookedCall();
        call.Cancel(Now);

        var moved = Assert.Throws<BusinessRuleException>(() => call.MoveTo(Now.AddDays(3)));
        var cancelled = Assert.Throws<BusinessRuleException>(() => call.Cancel(Now));

        Assert.Equal("This call is already cancelled; only a booked call can be changed.", moved.Message);
        Assert.Equal(moved.Message, cancelled.Message);
        Assert.Equal(CallStatus.Cancelled, call.Status);
    }

    [Fact]
    public void An_outcome_the_call_cannot_have_yet_is_refused_saying_why()
    {
        var call = BookedCall();

        var early = Assert.Throws<BusinessRuleException>(() => call.RecordOutcome(CallStatus.Completed, "Went well", Now));

        Assert.Equal("A call can be marked completed or no-show only once it has started.", early.Message);
        Assert.Equal(CallStatus.Booked, call.Status);
    }
}
