using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CantinaOps.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImpactReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImpactReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    SpaceId = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WrittenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WrittenBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImpactReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImpactReports_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ImpactReports_Spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "Spaces",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImpactReports_SiteId_From_To_SpaceId",
                table: "ImpactReports",
                columns: new[] { "SiteId", "From", "To", "SpaceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImpactReports_SpaceId",
                table: "ImpactReports",
                column: "SpaceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImpactReports");
        }
    }
}
