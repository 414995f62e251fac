using Consultancy.Application.Clients;
using Consultancy.Application.Common;
using Consultancy.Application.Letters;
using Consultancy.Application.StrategyCalls;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using ValidationException = Consultancy.Application.Common.Exceptions.ValidationException;

namespace Consultancy.Tests.Application;

/// <summary>
/// One rule for every address the app writes to: the client form (and so the client import), the booking form and the
/// referee's address refuse an address whose domain has no dot, with the same message.
/// </summary>
public sealed class EmailAddressRuleTests(ApplicationHarnessFixture fixture) : IClassFixture<ApplicationHarnessFixture>
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    [Theory]
    [InlineData("someone@localhost")]
    [InlineData("a@b")]
    [InlineData("name@.com")]
    [InlineData("name@example.")]
    public async Task An_address_whose_domain_has_no_dot_is_refused_on_the_client_form_with_a_clear_message(string email)
    {
        var maya = await fixture.App.ConsultantAsync($"maya.{Guid.NewGuid():N}@consultancy.test");

        var refused = await Assert.ThrowsAsync<ValidationException>(() => fixture.App.SendAsync(maya, ClientBuilder.NewClient() with { Email = email }));

        Assert.Equal([EmailRules.DomainWithoutDotMessage], refused.Errors[nameof(ClientFields.Email)]);
        Assert.Equal(0, await fixture.App.QueryAsync(db => db.Clients.CountAsync(c => c.Email == email)));
    }

    [Theory]
    [InlineData("someone@localhost", EmailRules.DomainWithoutDotMessage)]
    [InlineData("a@b", EmailRules.DomainWithoutDotMessage)]
    [InlineData("not-an-email", "Enter an email address like name@example.com.")]
    [InlineData("two words@example.com", "Enter an email address like name@example.com.")]
    [InlineData("a@b@example.com", "Enter an email address like name@example.com.")]
    public void The_booking_form_refuses_the_same_addresses_with_one_message_each(string email, string message)
    {
        var result = new BookCallValidator(Clock).Validate(new BookCall { Email = email });

        Assert.Equal([message], result.Errors.Where(e => e.PropertyName == nameof(BookCall.Email)).Select(e => e.ErrorMessage));
    }

    [Theory]
    [InlineData("name@example.com")]
    [InlineData("a.b+tag@hospital.co.uk")]
    [InlineData(" padded@example.org ")]
    public void A_full_address_passes_on_every_form_that_takes_one(string email)
    {
        Assert.DoesNotContain(new BookCallValidator(Clock).Validate(new BookCall { Email = email }).Errors, e => e.PropertyName == nameof(BookCall.Email));
        Assert.DoesNotContain(new ClientFieldsValidator(Clock).Validate(ClientBuilder.NewClient() with { Email = email }).Errors, e => e.PropertyName == nameof(ClientFields.Email));
        Assert.DoesNotContain(new LetterFieldsValidator().Validate(new AddLetter { RefereeEmail = email }).Errors, e => e.PropertyName == nameof(LetterFields.RefereeEmail));
    }

    [Fact]
    public void A_referees_address_follows_the_same_rule()
    {
        var result = new LetterFieldsValidator().Validate(new AddLetter { RefereeEmail = "s.klein@hospital" });

        Assert.Equal([EmailRules.DomainWithoutDotMessage], result.Errors.Where(e => e.PropertyName == nameof(LetterFields.RefereeEmail)).Select(e => e.ErrorMessage));
    }
}
