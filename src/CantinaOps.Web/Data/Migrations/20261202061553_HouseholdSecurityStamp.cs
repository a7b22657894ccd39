using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CantinaOps.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class HouseholdSecurityStamp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SecurityStamp",
                table: "Households",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // Households signed in before this column existed get a stamp of their own (their cookies carry none, so they sign in again).
            migrationBuilder.Sql("UPDATE Households SET SecurityStamp = lower(hex(randomblob(16))) WHERE SecurityStamp = '';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SecurityStamp",
                table: "Households");
        }
    }
}
